package dev.edgeforge.api.project;

import java.time.Instant;
import java.util.UUID;

/**
 * An invite as listed: never its link.
 *
 * @param status {@code pending} (the link works) or {@code expired}
 */
public record InviteView(
        UUID id, String email, ProjectRole role, Instant createdAt, Instant expiresAt, String status) {}
