/**
 * Learning blocks as data: the architecture of a neural network as a list of {@link dev.edgeforge.core.learning.LayerSpec}
 * (edited in the UI and the API, validated against the feature shape by
 * {@link dev.edgeforge.core.learning.ShapeInference}), the {@link dev.edgeforge.core.learning.Hyperparameters} of a
 * training run and the per-epoch {@link dev.edgeforge.core.learning.EpochMetrics}.
 *
 * <p>Training itself happens in the training worker (DJL); nothing here depends on DJL.
 */
package dev.edgeforge.core.learning;
