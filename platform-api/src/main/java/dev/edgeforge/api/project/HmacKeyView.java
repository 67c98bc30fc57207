package dev.edgeforge.api.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * An HMAC key as listed.
 *
 * @param secret the shared secret, present only for project admins and owners (and admin-scope API keys)
 */
public record HmacKeyView(
        UUID id,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant createdAt) {}
