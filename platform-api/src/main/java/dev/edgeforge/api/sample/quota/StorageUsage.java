package dev.edgeforge.api.sample.quota;

/**
 * A project's stored sample bytes and its quota.
 *
 * @param usedBytes  size of the distinct sample contents the project's samples point at
 * @param quotaBytes the most the project may store; null when it has no quota
 */
public record StorageUsage(long usedBytes, Long quotaBytes) {}
