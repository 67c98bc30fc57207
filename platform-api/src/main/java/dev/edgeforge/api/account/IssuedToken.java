package dev.edgeforge.api.account;

import java.time.Instant;
import java.util.UUID;

/** A token just created; the only moment its secret exists outside the caller. */
public record IssuedToken(UUID id, String token, String name, Instant createdAt, Instant expiresAt) {}
