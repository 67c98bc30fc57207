package dev.edgeforge.api.sample.quota;

import java.util.UUID;

/**
 * One project's storage as administrators see it.
 *
 * @param usedBytes  size of the distinct sample contents the project's samples point at
 * @param quotaBytes the most the project may store; null when it has no quota
 */
public record ProjectStorage(UUID projectId, String name, long usedBytes, Long quotaBytes) {}
