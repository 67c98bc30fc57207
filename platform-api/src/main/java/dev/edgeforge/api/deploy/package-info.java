/**
 * Deployment: boards ({@code GET /api/v1/targets}), estimates before building
 * ({@code GET /api/v1/projects/{p}/models/{m}/estimates?target=}), deployments
 * ({@code POST|GET /api/v1/projects/{p}/deployments}, {@code GET …/deployments/{d}}, {@code GET …/{d}/download}) and
 * the project's Deployment page.
 *
 * <p>A deployment is a row ({@code deployments}, migration V7) and a {@code deploy} job
 * ({@link dev.edgeforge.jobs.deploy.DeployJobPayload}) that firmware-builder's {@code DeployJobHandler} runs — in this
 * JVM when the all-in-one application (platform-app) brings it, or in a standalone firmware-builder process. The job
 * reads only its payload and the object store; the row follows the job through its events
 * ({@link dev.edgeforge.api.job.JobEvent}, applied by {@link dev.edgeforge.api.deploy.DeploymentJobOutcomes}):
 * building once it started, then ready with its result (sizes, memory report, verification, bundle key), failed or
 * cancelled. Reads are plain reads of the row. The bundle exists before the job succeeds, so a ready row never points
 * at a missing object.
 *
 * <p>Models come through the port {@link dev.edgeforge.api.deploy.DeployableModelSource}, implemented by the feature
 * that owns models; every bean of that type is asked (trained and imported models may come from different places).
 *
 * <p>Access: any viewer reads estimates, deployments and downloads; members and above deploy; cancelling is the
 * job API's {@code POST /api/v1/jobs/{jobId}/cancel}.
 */
package dev.edgeforge.api.deploy;
