/**
 * The contracts between the server and the workers, which talk only through the PostgreSQL queue and the object
 * store: what a job's payload and result hold, how they and the files the jobs write are read and written
 * ({@link dev.edgeforge.jobs.JobJson}), where every object lives, the boards firmware is built for and what a model
 * will cost on each. Both sides depend on this module and on neither other side, so the server carries no worker
 * code (no DJL, no compiler) and a worker none of the server's.
 *
 * <ul>
 *   <li>{@code feature}: the {@code features} job.</li>
 *   <li>{@code training}: the {@code train} and {@code test} jobs and a model's files.</li>
 *   <li>{@code compress}: the {@code compress} job.</li>
 *   <li>{@code deploy}: the {@code deploy} job, its formats and memory report.</li>
 *   <li>{@code board}: the board catalogue (backs {@code GET /api/v1/targets}).</li>
 *   <li>{@code estimate}: RAM, flash and latency of a model per board before building.</li>
 * </ul>
 * How to add a job type: its payload and result records (with a {@code TYPE}) go here, its handler into a worker.
 */
package dev.edgeforge.jobs;
