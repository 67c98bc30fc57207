package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobStateChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The one way the server learns that a job changed state: it publishes every change of the queue as a
 * {@link JobEvent} to the features' {@code @EventListener}s, whoever made the change — an embedded worker, a standalone
 * worker on another machine, a cancel.
 *
 * <p>One daemon thread listens on the queue's channel ({@link JobStateChanges#CHANNEL}); the queue's state-changing
 * statements notify it as they commit, so a change reaches the features' rows within milliseconds. On every
 * notification, on start (what changed while the server was down) and every {@code safetyPoll} (a notification lost
 * with a broken connection, a worker of a version that does not notify) it publishes every change not published yet,
 * then records it as published. Listeners run on this thread, one event at a time; one that throws leaves the change
 * due, to be published again after {@code safetyPoll}.
 */
class JobEventPublisher implements SmartLifecycle {

    /** Changes read per query. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(JobEventPublisher.class);
    /** How long one wait for notifications lasts: bounds how long {@link #stop()} waits for the thread. */
    private static final Duration WAIT = Duration.ofMillis(500);

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final JobStateChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration safetyPoll;
    /** Jobs whose publication failed, and when to try again (only the publishing thread touches it). */
    private final Map<UUID, Instant> retryAfter = new HashMap<>();

    private volatile boolean running;
    private Thread thread;

    JobEventPublisher(JobStateChanges changes, ApplicationEventPublisher events, Clock clock, Duration safetyPoll) {
        if (safetyPoll.compareTo(WAIT) < 0) {
            throw new IllegalArgumentException("the safety poll must be at least " + WAIT + ", was " + safetyPoll);
        }
        this.changes = changes;
        this.events = events;
        this.clock = clock;
        this.safetyPoll = safetyPoll;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "job-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT.multipliedBy(4).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the embedded workers start (and after they stop), so that none of their changes waits for a poll. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private void listen() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try (JobStateChanges.Listener listener = changes.listen()) {
                backoff = Duration.ofSeconds(1);
                // listening first: a change committed from here on is heard, one committed before is due
                publishDue();
                Instant nextPoll = clock.instant().plus(safetyPoll);
                while (running) {
                    boolean notified = !listener.await(WAIT).isEmpty();
                    if (notified || !clock.instant().isBefore(nextPoll)) {
                        publishDue();
                        nextPoll = clock.instant().plus(safetyPoll);
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Following the job queue failed ({}); trying again in {}", e.toString(), backoff);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Publishes every change not published yet, oldest first, and records each as published once every listener
     * took it.
     *
     * @return how many changes were published
     */
    int publishDue() {
        int published = 0;
        while (true) {
            List<Job> due = changes.unpublished(BATCH);
            int done = 0;
            for (Job job : due) {
                if (publish(job)) {
                    done++;
                }
            }
            published += done;
            // a full batch of changes that all failed again would come back at once: leave them to the poll
            if (due.size() < BATCH || done == 0) {
                return published;
            }
        }
    }

    private boolean publish(Job job) {
        Instant now = clock.instant();
        Instant retry = retryAfter.get(job.id());
        if (retry != null && now.isBefore(retry)) {
            return false;
        }
        Optional<JobEvent> event = JobEvents.of(job);
        try {
            event.ifPresent(events::publishEvent);
        } catch (RuntimeException e) {
            retryAfter.put(job.id(), now.plus(safetyPoll));
            log.warn(
                    "Applying {} of job {} ({}) failed; trying again in {}: {}",
                    job.state().dbValue(),
                    job.id(),
                    job.type(),
                    safetyPoll,
                    e.toString());
            return false;
        }
        retryAfter.remove(job.id());
        changes.markPublished(job.id(), job.version());
        return true;
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
