package dev.edgeforge.jobs.deploy;

import java.util.Objects;
import java.util.UUID;

/** Object keys of a deployment: {@code projects/{projectId}/deployments/{deploymentId}/…}. */
public final class DeploymentObjects {

    public static final String BUNDLE = "bundle.zip";
    public static final String REPORT = "report.json";

    private DeploymentObjects() {}

    /** The folder of one deployment, ending in a slash. */
    public static String prefix(UUID projectId, UUID deploymentId) {
        return "projects/" + Objects.requireNonNull(projectId, "projectId") + "/deployments/"
                + Objects.requireNonNull(deploymentId, "deploymentId") + "/";
    }

    /** The bundle ZIP people download. */
    public static String bundle(UUID projectId, UUID deploymentId) {
        return prefix(projectId, deploymentId) + BUNDLE;
    }

    /** The full report: result, estimate, compiler output. */
    public static String report(UUID projectId, UUID deploymentId) {
        return prefix(projectId, deploymentId) + REPORT;
    }
}
