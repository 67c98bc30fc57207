/**
 * Running a worker as its own process: {@link dev.edgeforge.infra.worker.StandaloneWorker} reads the same
 * environment the server does ({@code SPRING_DATASOURCE_*}, {@code EDGEFORGE_STORAGE_*}), connects to PostgreSQL
 * and the object store, and runs a {@link dev.edgeforge.infra.job.JobWorker} with the handlers of one service
 * (training-worker, firmware-builder) until SIGTERM. The server must have migrated the database first.
 */
package dev.edgeforge.infra.worker;
