/**
 * The training worker's jobs: {@code train} ({@link dev.edgeforge.training.job.TrainJobHandler}) turns a project's
 * feature sets into a model — a DJL-trained network with its float32 and int8 {@code .tflite} files, or a K-means
 * anomaly model — and {@code test} ({@link dev.edgeforge.training.job.TestJobHandler}) re-evaluates a model on the
 * current test set.
 *
 * <p>The contract with the server is platform-jobs' {@code dev.edgeforge.jobs.training}: the payloads ({@link
 * dev.edgeforge.jobs.training.TrainJobPayload}, {@link dev.edgeforge.jobs.training.TestJobPayload}) it enqueues, the
 * results ({@link dev.edgeforge.jobs.training.TrainJobResult}, {@link dev.edgeforge.jobs.training.TestJobResult}) it
 * reads back when a job succeeded, the files' JSON ({@link dev.edgeforge.jobs.training.Predictions}; {@link
 * dev.edgeforge.training.job.ModelMetrics} stays here, the server reads it as plain JSON) and the object key layout
 * ({@link dev.edgeforge.jobs.training.ModelArtifactKeys}), all read and written with
 * {@link dev.edgeforge.jobs.JobJson}. The worker never touches the server's tables: it reads the queue and
 * the object store only, so it runs in the server's JVM or as its own process unchanged.
 */
package dev.edgeforge.training.job;
