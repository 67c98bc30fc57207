package dev.edgeforge.api.sample.dataset;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A dataset version in lists.
 *
 * @param sampleCount samples in the snapshot
 * @param categories  samples per category (training, testing, anomaly)
 * @param labels      number of distinct labels (unlabeled not counted)
 */
public record DatasetVersionView(
        UUID id, String name, Instant createdAt, int sampleCount, Map<String, Long> categories, long labels) {}
