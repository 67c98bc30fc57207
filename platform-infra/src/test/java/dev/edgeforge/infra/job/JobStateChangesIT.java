package dev.edgeforge.infra.job;

import static dev.edgeforge.infra.job.JobTesting.fastSettings;
import static dev.edgeforge.infra.job.JobTesting.handler;
import static dev.edgeforge.infra.job.JobTesting.uniqueType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.infra.testing.FreshDatabaseExtension;
import dev.edgeforge.infra.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every state change of the queue notifies the listener when it commits, on whatever connection it was made, and
 * stays unpublished until marked, so a change nobody heard of is still found.
 */
@ExtendWith(FreshDatabaseExtension.class)
class JobStateChangesIT {
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** Far more than a notification needs; a missing one fails the test after this long. */
    private static final Duration HEAR = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final MutableClock clock = MutableClock.startingNow();
    private final JobQueue queue;
    private final JobClaimer claimer;
    private final JobFinisher finisher;
    private final DeadLeaseReaper reaper;
    private final JobStateChanges changes;

    JobStateChangesIT(DataSource dataSource) {
        this.dataSource = dataSource;
        Jdbc jdbc = new Jdbc(dataSource);
        this.queue = new JobQueue(dataSource, clock);
        this.claimer = new JobClaimer(jdbc, clock);
        this.finisher = new JobFinisher(jdbc, clock);
        this.reaper = new DeadLeaseReaper(jdbc, clock);
        this.changes = new JobStateChanges(dataSource);
    }

    /** Waits until {@code job} was notified; everything else heard on the way is dropped. */
    private static void hear(JobStateChanges.Listener listener, UUID job) {
        long deadline = System.nanoTime() + HEAR.toNanos();
        List<UUID> heard = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            heard.addAll(listener.await(Duration.ofMillis(200)));
            if (heard.contains(job)) {
                return;
            }
        }
        throw new AssertionError("no notification for job " + job + " within " + HEAR + "; heard " + heard);
    }

    @Test
    void aClaimAndEveryWayAJobEndsNotifyTheChannel() {
        String type = uniqueType();
        try (JobStateChanges.Listener listener = changes.listen()) {
            UUID succeeded = queue.enqueue(NewJob.of(type, null, "{}"));
            assertThat(listener.await(Duration.ofMillis(300)))
                    .as("enqueueing is no state change")
                    .doesNotContain(succeeded);

            JobLease lease =
                    claimer.claim(List.of(type), "w", LEASE).orElseThrow().lease();
            hear(listener, succeeded);
            assertThat(finisher.succeed(lease)).isTrue();
            hear(listener, succeeded);

            UUID failed = queue.enqueue(new NewJob(type, null, "{}", 1));
            JobLease failing =
                    claimer.claim(List.of(type), "w", LEASE).orElseThrow().lease();
            assertThat(finisher.failOrRetry(failing, "boom", clock.instant())).isTrue();
            hear(listener, failed);
            assertThat(queue.find(failed).orElseThrow().state()).isEqualTo(JobState.FAILED);

            UUID cancelledWhileQueued = queue.enqueue(NewJob.of(type, null, "{}"));
            queue.requestCancel(cancelledWhileQueued);
            hear(listener, cancelledWhileQueued);

            UUID reaped = queue.enqueue(new NewJob(type, null, "{}", 1));
            claimer.claim(List.of(type), "dead-worker", LEASE).orElseThrow();
            clock.advance(LEASE.plusSeconds(1));
            assertThat(reaper.reap()).extracting(DeadLeaseReaper.Reaped::jobId).contains(reaped);
            hear(listener, reaped);
            assertThat(queue.find(reaped).orElseThrow().state()).isEqualTo(JobState.FAILED);
        }
    }

    @Test
    void aJobFinishedByAWorkerOnItsOwnConnectionsIsHeard() {
        String type = uniqueType();
        try (JobStateChanges.Listener listener = changes.listen();
                JobWorker worker = new JobWorker(
                        dataSource,
                        clock,
                        fastSettings("other-process", 1).build(),
                        List.of(handler(type, context -> context.result("{\"done\": true}"))))) {
            UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
            worker.start();

            long deadline = System.nanoTime() + HEAR.toNanos();
            while (queue.find(id).orElseThrow().state() != JobState.SUCCEEDED) {
                listener.await(Duration.ofMillis(200));
                assertThat(System.nanoTime()).as("job " + id + " ends").isLessThan(deadline);
            }
            // the succeeded change was committed: its notification is there to be read (or was read on the way)
            assertThat(changes.unpublished(100)).extracting(Job::id).contains(id);
        }
    }

    @Test
    void aChangeStaysUnpublishedUntilItsVersionIsMarked() {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        assertThat(changes.unpublished(100)).extracting(Job::id).doesNotContain(id);

        JobLease lease = claimer.claim(List.of(type), "w", LEASE).orElseThrow().lease();
        Job running = unpublished(id);
        assertThat(running.state()).isEqualTo(JobState.RUNNING);

        assertThat(changes.markPublished(id, running.version())).isTrue();
        assertThat(changes.unpublished(100)).extracting(Job::id).doesNotContain(id);
        assertThat(changes.markPublished(id, running.version()))
                .as("a second server marking the same change")
                .isFalse();

        // the job ends before anyone published its start again: only the end is due
        assertThat(finisher.succeed(lease)).isTrue();
        Job ended = unpublished(id);
        assertThat(ended.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(changes.markPublished(id, running.version()))
                .as("marking an older change leaves the newer one due")
                .isFalse();
        assertThat(changes.unpublished(100)).extracting(Job::id).contains(id);
        assertThat(changes.markPublished(id, ended.version())).isTrue();
        assertThat(changes.unpublished(100)).extracting(Job::id).doesNotContain(id);
    }

    @Test
    void aListenerClosedAndOpenedAgainStillFindsWhatChangedMeanwhile() {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        JobStateChanges.Listener first = changes.listen();
        first.close();

        // nobody listens: the claim and the end notify no one
        JobLease lease = claimer.claim(List.of(type), "w", LEASE).orElseThrow().lease();
        assertThat(finisher.succeed(lease)).isTrue();

        try (JobStateChanges.Listener second = changes.listen()) {
            assertThat(second.await(Duration.ofMillis(300))).doesNotContain(id);
            assertThat(unpublished(id).state()).isEqualTo(JobState.SUCCEEDED);
        }
    }

    private Job unpublished(UUID id) {
        return changes.unpublished(1000).stream()
                .filter(job -> job.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("job " + id + " is not unpublished"));
    }
}
