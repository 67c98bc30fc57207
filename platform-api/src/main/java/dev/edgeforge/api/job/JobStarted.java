package dev.edgeforge.api.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker took the job and runs it. A job that ended before its start was published is only published as ended.
 *
 * @param attempt   which run this is (1 for the first)
 * @param startedAt when the run started
 */
public record JobStarted(UUID jobId, UUID projectId, String type, int attempt, Instant startedAt) implements JobEvent {}
