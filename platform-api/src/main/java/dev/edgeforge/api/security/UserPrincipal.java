package dev.edgeforge.api.security;

import java.util.UUID;

/**
 * A signed-in person (browser session or bearer token). A snapshot taken at sign-in; it is kept in the session,
 * so it holds no secrets.
 *
 * @param id          the user's id
 * @param email       normalised (trimmed, lower-case) email address
 * @param displayName name shown in the UI
 * @param admin       platform administrator (manages settings; has no implicit access to projects)
 */
public record UserPrincipal(UUID id, String email, String displayName, boolean admin) implements EdgeForgePrincipal {

    @Override
    public String describe() {
        return "user " + email;
    }
}
