package dev.edgeforge.api.account;

import java.time.Instant;
import java.util.UUID;

/** One row of the administrator's account list. */
public record AccountOverview(UUID id, String email, String displayName, boolean admin, Instant createdAt) {}
