package dev.edgeforge.api.job;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.edgeforge.infra.job.JobState;
import java.util.Locale;

/**
 * A job's state as the API shows it ({@code queued}, {@code running}, {@code succeeded}, {@code failed},
 * {@code cancelled}), and as the features that keep a row per job (compression, feature generation) record it from
 * the job's events. The queue's own type is platform-infra's {@link JobState}, which knows nothing of JSON.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** The value shown by the API and stored in the features' rows. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value, so that templates print the state as the API shows it. */
    @Override
    public String toString() {
        return value();
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobStatus of(JobState state) {
        return switch (state) {
            case QUEUED -> QUEUED;
            case RUNNING -> RUNNING;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The status a job ends with when this event says it ended. */
    public static JobStatus of(JobEnded event) {
        if (event instanceof JobSucceeded) {
            return SUCCEEDED;
        }
        return event instanceof JobFailed ? FAILED : CANCELLED;
    }

    /**
     * @throws IllegalArgumentException when {@code value} is none of the values
     */
    public static JobStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
