package dev.edgeforge.infra.job;

import java.time.Instant;
import java.util.UUID;

/**
 * One log line of a job. {@code seq} counts 1, 2, 3 … per job across all attempts, so a reader polls with
 * "after the last seq I saw" and never misses or repeats a line.
 */
public record JobLogLine(UUID jobId, long seq, Instant at, String line) {}
