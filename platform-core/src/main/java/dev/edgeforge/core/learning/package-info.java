/**
 * Learning blocks as data: the architecture of a neural network as a list of {@link
 * dev.edgeforge.core.learning.LayerSpec}
 * (edited in the UI and the API, validated against the feature shape by
 * {@link dev.edgeforge.core.learning.ShapeInference}), the {@link dev.edgeforge.core.learning.Hyperparameters} of a
 * training run, the per-epoch {@link dev.edgeforge.core.learning.EpochMetrics}, and the trained float32 network in a
 * DJL-free form ({@link dev.edgeforge.core.learning.TrainedNetwork}, TFLite weight layouts) with a plain-Java forward
 * pass ({@link dev.edgeforge.core.learning.InferenceCheck}).
 *
 * <p>Training itself happens in the training worker (DJL); nothing here depends on DJL. A
 * {@code TrainedNetwork} is the hand-over to the model path: package {@code export} converts it into the
 * {@code ModelGraph}.
 */
package dev.edgeforge.core.learning;
