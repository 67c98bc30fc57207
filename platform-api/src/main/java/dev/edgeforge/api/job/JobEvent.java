package dev.edgeforge.api.job;

import java.util.UUID;

/**
 * Something that happened to a job, as the server publishes it (Spring application events): the job started, or
 * ended in one of three ways ({@link JobEnded}). A feature that follows its jobs listens with {@code @EventListener}
 * and applies the events of its own job type to its own rows.
 *
 * <p>Delivery is at least once: the same event can come twice (two servers, a crash between publishing and
 * recording it) and late (a job that ended while the server was down is published when it starts). A listener checks
 * its own row's state before it changes it, so applying an event again changes nothing. A listener that throws makes
 * the event due again: it comes back with the next change or the safety poll ({@link JobEventPublisher}).
 */
public sealed interface JobEvent permits JobStarted, JobEnded {

    UUID jobId();

    /** The job's project, or {@code null}. */
    UUID projectId();

    /** The job's type: a payload's {@code TYPE}, e.g. {@code deploy}. */
    String type();
}
