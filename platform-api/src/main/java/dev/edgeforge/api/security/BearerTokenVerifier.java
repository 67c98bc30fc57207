package dev.edgeforge.api.security;

import java.util.Optional;
import java.util.UUID;

/** Looks up the user behind a bearer token (login token or personal access token); implemented by accounts. */
public interface BearerTokenVerifier {

    /**
     * A token that verified.
     *
     * @param tokenId the token's id (never its secret), so the request knows which token it came with
     * @param user    the token's owner
     */
    record VerifiedToken(UUID tokenId, UserPrincipal user) {}

    /** The token's id and user, or empty when the token is unknown, expired or revoked. */
    Optional<VerifiedToken> verify(String token);
}
