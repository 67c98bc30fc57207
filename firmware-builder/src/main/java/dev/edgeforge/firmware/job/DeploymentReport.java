package dev.edgeforge.firmware.job;

import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;

/**
 * The report stored beside the bundle ({@link DeploymentObjects#report}): the job's result, the estimate made before
 * building (to compare with what the build measured) and the builder that made it.
 *
 * @param result         what the job's result holds
 * @param estimate       the estimate for the target board
 * @param builderVersion {@code DeploymentBuilder.VERSION}
 */
public record DeploymentReport(DeployResult result, DeploymentEstimate estimate, String builderVersion) {}
