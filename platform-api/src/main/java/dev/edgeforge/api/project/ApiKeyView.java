package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A project API key as listed: never the key itself.
 *
 * @param prefix the key's first characters, to tell keys apart (e.g. {@code ef_Ab3x9Q})
 */
public record ApiKeyView(
        UUID id, String name, String prefix, Set<ApiKeyScope> scopes, Instant createdAt, Instant lastUsedAt) {}
