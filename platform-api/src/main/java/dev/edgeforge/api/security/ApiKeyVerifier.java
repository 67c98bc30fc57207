package dev.edgeforge.api.security;

import java.util.Optional;

/** Looks up a project API key sent as {@code x-api-key}; implemented by the project feature. */
public interface ApiKeyVerifier {

    /** The key's principal, or empty when the key is unknown or revoked. */
    Optional<ApiKeyPrincipal> verify(String apiKey);
}
