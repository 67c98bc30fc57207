package dev.edgeforge.training.trainer;

import dev.edgeforge.core.learning.TrainedNetwork;

/**
 * The optional parts of a training run that compression uses.
 *
 * @param initialWeights weights to start from, or null for random initialization
 * @param stepHook       runs around optimizer steps, never null
 * @param distillation   teacher targets, or null for plain training
 * @param checkpoints    where checkpoints are loaded from and saved to, or null for none
 * @param checkpointPolicy how often checkpoints are saved (with {@code checkpoints})
 */
record RunOptions(
        TrainedNetwork initialWeights,
        StepHook stepHook,
        Distillation distillation,
        CheckpointStore checkpoints,
        CheckpointPolicy checkpointPolicy) {}
