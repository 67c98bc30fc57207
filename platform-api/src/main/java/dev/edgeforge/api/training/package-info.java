/**
 * The training worker inside the server (the embedded default): every handler of
 * {@link dev.edgeforge.training.TrainingWorkerHandlers} becomes a {@code JobHandler} bean, which the in-process
 * workers of {@code dev.edgeforge.api.job} run. The same handlers run in the standalone training-worker process, so
 * moving training off the server changes nothing else.
 */
package dev.edgeforge.api.training;
