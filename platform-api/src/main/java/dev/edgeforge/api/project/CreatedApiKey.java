package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A key just created: the only time {@code key} is ever shown. */
public record CreatedApiKey(UUID id, String key, String name, Set<ApiKeyScope> scopes, Instant createdAt) {}
