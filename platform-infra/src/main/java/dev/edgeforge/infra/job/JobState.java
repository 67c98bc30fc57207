package dev.edgeforge.infra.job;

import java.util.Locale;

/** Where a job is in its life: queued → running → succeeded | failed | cancelled (running → queued on retry). */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** The value stored in {@code jobs.state}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job will never change again. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobState fromDbValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
