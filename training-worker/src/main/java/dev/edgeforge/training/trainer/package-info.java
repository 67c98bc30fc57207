/**
 * Training of neural learning blocks with DJL (PyTorch engine, CPU): {@link dev.edgeforge.training.trainer.Trainer}
 * turns a {@link dev.edgeforge.core.learning.LearningBlock}'s layer list into a DJL network, trains it with Adam
 * (softmax cross-entropy with optional class weights, or mean squared error), reports every epoch to an
 * {@link dev.edgeforge.training.trainer.EpochListener} and returns a
 * {@link dev.edgeforge.training.trainer.TrainingResult}.
 *
 * <p>It knows nothing about jobs, the queue or the object store: the job that wraps it supplies the data, a
 * listener for progress and a cancellation token, and records the hyperparameters and seed kept in the result.
 *
 * <p>How to add a layer kind: after adding it to {@link dev.edgeforge.core.learning.LayerSpec}, the compiler points
 * at {@code DjlLayerFactory} (its DJL block, channels first) and the weight export.
 */
package dev.edgeforge.training.trainer;
