/**
 * Deployment jobs (type {@value dev.edgeforge.jobs.deploy.DeployJobPayload#TYPE}): the queue's side of
 * {@code POST /api/v1/projects/{p}/deployments}. {@link dev.edgeforge.firmware.job.DeployJobHandler} reads the int8
 * .tflite and the test windows from the object store, builds the bundle with
 * {@link dev.edgeforge.firmware.bundle.DeploymentBuilder} in a directory of its own under a compiler time limit,
 * proves the image on the emulated board with {@link dev.edgeforge.firmware.verification.QemuVerifier} (every
 * test window, bit for bit), stores the bundle and a report under
 * {@code projects/{p}/deployments/{deploymentId}/} ({@link dev.edgeforge.jobs.deploy.DeploymentObjects}) and
 * writes a {@link dev.edgeforge.jobs.deploy.DeployResult} as the job's result.
 *
 * <p>The job's input is a {@link dev.edgeforge.jobs.deploy.DeployJobPayload}: everything the worker needs is in it
 * or in the object store, so the same handler runs in the server's JVM and in the standalone firmware-builder
 * process ({@link dev.edgeforge.firmware.job.FirmwareBuilderHandlers}). Test windows come from the object named in
 * the payload ({@link dev.edgeforge.firmware.job.TestWindowFile}); without one the job makes seeded random int8
 * windows and says so in the log and the result.
 */
package dev.edgeforge.firmware.job;
