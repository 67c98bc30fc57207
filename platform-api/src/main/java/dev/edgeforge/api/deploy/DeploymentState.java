package dev.edgeforge.api.deploy;

import dev.edgeforge.infra.job.JobState;
import java.util.Locale;

/** Where a deployment is: it follows its job (queued → building → ready | failed | cancelled). */
enum DeploymentState {
    QUEUED,
    BUILDING,
    READY,
    FAILED,
    CANCELLED;

    /** The value stored in {@code deployments.state} and shown by the API. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isTerminal() {
        return this == READY || this == FAILED || this == CANCELLED;
    }

    static DeploymentState fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The state of a deployment whose job is in {@code job}. */
    static DeploymentState of(JobState job) {
        return switch (job) {
            case QUEUED -> QUEUED;
            case RUNNING -> BUILDING;
            case SUCCEEDED -> READY;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }
}
