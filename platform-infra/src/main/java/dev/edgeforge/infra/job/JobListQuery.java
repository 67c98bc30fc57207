package dev.edgeforge.infra.job;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which of a project's jobs to list, newest first.
 *
 * @param type          only this type, or {@code null} for all
 * @param states        only these states; empty for all
 * @param createdBefore only jobs created strictly before (for paging: pass the last job's createdAt), or null
 * @param limit         at most this many (1..1000)
 */
public record JobListQuery(String type, Set<JobState> states, Instant createdBefore, int limit) {
    public static final int MAX_LIMIT = 1000;

    public JobListQuery {
        if (type != null) {
            NewJob.requireValidType(type);
        }
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The newest {@code limit} jobs of any type and state. */
    public static JobListQuery latest(int limit) {
        return new JobListQuery(null, Set.of(), null, limit);
    }

    public JobListQuery withType(String newType) {
        return new JobListQuery(newType, states, createdBefore, limit);
    }

    public JobListQuery withStates(JobState first, JobState... rest) {
        return new JobListQuery(type, EnumSet.of(first, rest), createdBefore, limit);
    }

    public JobListQuery withCreatedBefore(Instant before) {
        return new JobListQuery(type, states, before, limit);
    }
}
