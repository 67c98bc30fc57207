package dev.edgeforge.cli.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code login} keeps between runs: the platform's address, the personal token made for this CLI and the
 * default project. The token is only ever sent to {@link #url}.
 *
 * @param url       the platform signed in to
 * @param email     the account, for messages
 * @param token     the personal access token (secret)
 * @param tokenId   its id, so {@code logout} can revoke it
 * @param expiresAt when it expires (ISO-8601)
 * @param project   the default project id, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CliConfig(String url, String email, String token, String tokenId, String expiresAt, String project) {

    public CliConfig withProject(String other) {
        return new CliConfig(url, email, token, tokenId, expiresAt, other);
    }

    /** Everything but the token, which no message or log may show. */
    @Override
    public String toString() {
        return "CliConfig[url=" + url + ", email=" + email + ", token=" + (token == null ? null : "***") + ", tokenId="
                + tokenId + ", expiresAt=" + expiresAt + ", project=" + project + "]";
    }
}
