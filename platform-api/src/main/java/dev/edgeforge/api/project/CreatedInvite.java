package dev.edgeforge.api.project;

import java.time.Instant;
import java.util.UUID;

/**
 * An invite just created: the only moment its token exists outside the person who will use it.
 *
 * @param token the secret part of the link {@code /invites/{token}}
 */
public record CreatedInvite(
        UUID id, String email, ProjectRole role, Instant createdAt, Instant expiresAt, String token) {}
