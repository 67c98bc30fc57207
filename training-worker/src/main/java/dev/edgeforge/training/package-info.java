/**
 * The training worker: trains learning blocks with DJL (PyTorch engine, CPU) and takes training jobs from the queue.
 * DJL is used only inside this module.
 *
 * <p>Packages: {@code job} (the {@code train} and {@code test} jobs and their contract with the server),
 * {@code trainer} (the neural network {@link dev.edgeforge.training.trainer.Trainer}), {@code augmentation} (data
 * augmentation on float arrays), {@code bench} (the training benchmark).
 *
 * <p>Every job handler of the module is listed by {@link dev.edgeforge.training.TrainingWorkerHandlers}; the server
 * runs them in-process (embedded default) and {@link dev.edgeforge.training.TrainingWorkerApplication} runs them as
 * a process of its own: {@code java -jar training-worker/target/training-worker-<version>-exec.jar} with the
 * server's {@code SPRING_DATASOURCE_*} and {@code EDGEFORGE_STORAGE_*} environment.
 */
package dev.edgeforge.training;
