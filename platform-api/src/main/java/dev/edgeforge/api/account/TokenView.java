package dev.edgeforge.api.account;

import java.time.Instant;
import java.util.UUID;

/** A personal access token as listed: never the secret. */
public record TokenView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}
