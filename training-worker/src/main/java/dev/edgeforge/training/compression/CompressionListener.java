package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.EpochMetrics;

/**
 * Progress of a {@link ModelCompressor} run, on the compressing thread: each stage as it starts and every
 * fine-tuning or student-training epoch. The job turns these into progress, log lines and the live chart.
 */
public interface CompressionListener {

    /** A listener that ignores everything. */
    CompressionListener NONE = (stage, index, count) -> {};

    /**
     * A stage starts.
     *
     * @param stage what it does, e.g. {@code "structured pruning"}
     * @param index 0-based position of the stage
     * @param count number of stages in this run
     */
    void stageStarted(String stage, int index, int count);

    /** An epoch of a training stage finished. */
    default void epoch(String stage, EpochMetrics metrics) {}
}
