package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Makes the job API consistent with the features' rows: a job that ended is shown ended once its end was published
 * ({@link JobEventPublisher}), that is once every feature applied it. A client that polls a job until it succeeded and
 * then reads the model, deployment or feature set it made finds the outcome there.
 *
 * <p>The wait is short (the queue notifies the server when the job's end commits) and bounded: a job is shown as it
 * is {@link #GRACE} after it ended, published or not, so a failing listener never hides a job's end for long.
 */
@Component
class PublishedEnds {

    /** How long after its end a job is shown ended even if its end was not published. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 20;

    private final JobQueue queue;
    private final Clock clock;

    PublishedEnds(JobQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** Whether the job's end may be shown: it ended, and it was published or ended {@link #GRACE} ago. */
    boolean showsEnd(Job job) {
        return job.state().isTerminal()
                && (job.isPublished()
                        || job.finishedAt() == null
                        || job.finishedAt().isBefore(clock.instant().minus(GRACE)));
    }

    /**
     * The job as it should be answered: a job that ended but whose end is not published yet is read again until it
     * is (or {@link #GRACE} passed).
     */
    Job awaitPublished(Job job) {
        Job current = job;
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (current.state().isTerminal() && !showsEnd(current) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = queue.find(current.id()).orElse(current);
        }
        return current;
    }
}
