/**
 * Jobs as the API shows them: {@code GET /api/v1/jobs/{id}}, its log lines (JSON or a Server-Sent Events stream),
 * {@code POST /api/v1/jobs/{id}/cancel}, and the project's job list. The queue itself (claim, lease, heartbeat,
 * retry) is platform-infra's {@code dev.edgeforge.infra.job}; this package only exposes it, checking that the caller
 * may see the job's project, and runs the workers in-process in the embedded default
 * ({@code edgeforge.workers.embedded=true}).
 *
 * <p>Another user's job answers exactly as a missing one (404), so job ids leak nothing.
 */
package dev.edgeforge.api.job;
