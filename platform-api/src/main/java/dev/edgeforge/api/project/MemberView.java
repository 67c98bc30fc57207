package dev.edgeforge.api.project;

import java.time.Instant;
import java.util.UUID;

/** A project member as listed. */
public record MemberView(UUID userId, String email, String name, ProjectRole role, Instant addedAt) {}
