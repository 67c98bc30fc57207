package dev.edgeforge.api.security;

import java.util.Optional;

/** Looks up the user behind a bearer token (login token or personal access token); implemented by accounts. */
public interface BearerTokenVerifier {

    /** The token's user, or empty when the token is unknown, expired or revoked. */
    Optional<UserPrincipal> verify(String token);
}
