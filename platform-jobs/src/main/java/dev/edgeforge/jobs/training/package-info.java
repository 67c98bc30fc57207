/**
 * The {@code train} and {@code test} jobs: payloads ({@link dev.edgeforge.jobs.training.TrainJobPayload},
 * {@link dev.edgeforge.jobs.training.TestJobPayload}), results, a model's kind, files
 * ({@link dev.edgeforge.jobs.training.ModelArtifacts}) and their object keys
 * ({@link dev.edgeforge.jobs.training.ModelArtifactKeys}), and the per-window predictions the model pages read.
 */
package dev.edgeforge.jobs.training;
