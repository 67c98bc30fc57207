/**
 * Jobs as the API shows them, and the one way the server's features learn how their jobs went.
 *
 * <p>REST: {@code GET /api/v1/jobs/{id}}, its log lines (JSON or a Server-Sent Events stream),
 * {@code POST /api/v1/jobs/{id}/cancel}, and the project's job list. The queue itself (claim, lease, heartbeat,
 * retry) is platform-infra's {@code dev.edgeforge.infra.job}; this package only exposes it, checking that the caller
 * may see the job's project, and runs the workers in-process in the embedded default
 * ({@code edgeforge.workers.embedded=true}). Another user's job answers exactly as a missing one (404), so job ids
 * leak nothing.
 *
 * <p>Events: {@link dev.edgeforge.api.job.JobEventPublisher} listens on the queue's notification channel and publishes
 * every state change of a job, whoever made it (an embedded worker, a standalone worker on another machine, a cancel),
 * as a past-tense {@link dev.edgeforge.api.job.JobEvent}: {@link dev.edgeforge.api.job.JobStarted},
 * {@link dev.edgeforge.api.job.JobSucceeded}, {@link dev.edgeforge.api.job.JobFailed},
 * {@link dev.edgeforge.api.job.JobCancelled}. Each feature that starts jobs applies the events of its job type to its
 * own rows with an {@code @EventListener} ({@code model.ModelJobOutcomes}, {@code deploy.DeploymentJobOutcomes},
 * {@code compression.CompressionJobOutcomes}, {@code feature.FeatureGenerationOutcomes}; a table of one row per job
 * needs only to extend {@link dev.edgeforge.api.job.JobRowOutcomes}); its reads are plain reads of those rows.
 * Delivery is at least once and may be late (changes made while the server was down are published when it starts), so
 * a listener checks its own row's state before it changes it.
 */
package dev.edgeforge.api.job;
