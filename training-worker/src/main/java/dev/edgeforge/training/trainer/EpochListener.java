package dev.edgeforge.training.trainer;

import dev.edgeforge.core.learning.EpochMetrics;

/**
 * Receives the metrics of every finished epoch, on the training thread, before the next epoch starts. The job uses
 * it to store progress and stream log lines; it should return quickly.
 */
@FunctionalInterface
public interface EpochListener {

    /** Listener that ignores every epoch. */
    EpochListener NONE = metrics -> {};

    /** Called once per finished epoch. */
    void onEpoch(EpochMetrics metrics);
}
