/**
 * The training worker: trains learning blocks with DJL (PyTorch engine, CPU) and will take feature, training and
 * compression jobs from the queue. DJL is used only inside this module.
 *
 * <p>Packages: {@code trainer} (the neural network {@link dev.edgeforge.training.trainer.Trainer}),
 * {@code augmentation} (data augmentation on float arrays), {@code bench} (the training benchmark).
 */
package dev.edgeforge.training;
