package dev.edgeforge.api.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as listed: never the secret.
 *
 * @param current    whether the request listing the tokens came with this token
 * @param lastUsedAt when the token last authenticated a request (to the minute); null when never used
 */
public record TokenView(
        UUID id,
        TokenKind kind,
        String name,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        boolean current) {}
