/**
 * The {@code deploy} job: its payload ({@link dev.edgeforge.jobs.deploy.DeployJobPayload}), the formats a
 * deployment can have ({@link dev.edgeforge.jobs.deploy.DeploymentFormat}), its result
 * ({@link dev.edgeforge.jobs.deploy.DeployResult}: bundle, sizes, memory report, the emulator's verification — one
 * of four outcomes, {@link dev.edgeforge.jobs.deploy.DeployResult.Verification}) and
 * where a deployment's objects live ({@link dev.edgeforge.jobs.deploy.DeploymentObjects}).
 */
package dev.edgeforge.jobs.deploy;
