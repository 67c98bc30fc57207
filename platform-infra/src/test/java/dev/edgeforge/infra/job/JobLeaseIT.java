package dev.edgeforge.infra.job;

import static dev.edgeforge.infra.job.JobTesting.awaitJob;
import static dev.edgeforge.infra.job.JobTesting.fastSettings;
import static dev.edgeforge.infra.job.JobTesting.handler;
import static dev.edgeforge.infra.job.JobTesting.uniqueType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.infra.testing.FreshDatabaseExtension;
import dev.edgeforge.infra.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leases: a dead worker's job comes back, a zombie cannot write, the reaper's end states. */
@ExtendWith(FreshDatabaseExtension.class)
class JobLeaseIT {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final MutableClock clock = MutableClock.startingNow();
    private final Jdbc jdbc;
    private final JobQueue queue;
    private final JobClaimer claimer;
    private final DeadLeaseReaper reaper;
    private final JobRecorder recorder;
    private final JobFinisher finisher;
    private final LeaseHeartbeat heartbeat;

    JobLeaseIT(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.queue = new JobQueue(dataSource, clock);
        this.claimer = new JobClaimer(jdbc, clock);
        this.reaper = new DeadLeaseReaper(jdbc, clock);
        this.recorder = new JobRecorder(jdbc, clock);
        this.finisher = new JobFinisher(jdbc, clock);
        this.heartbeat = new LeaseHeartbeat(jdbc, clock);
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAfterTheLeaseExpires() {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        // a worker claims the job and dies at once: no heartbeat, no final write
        ClaimedJob dead = claimer.claim(List.of(type), "dead-worker", LEASE).orElseThrow();
        assertThat(dead.attempt()).isEqualTo(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger attemptSeen = new AtomicInteger();
        JobHandler handler = handler(type, ctx -> {
            runs.incrementAndGet();
            attemptSeen.set(ctx.attempt());
        });

        try (JobWorker survivor =
                new JobWorker(dataSource, clock, fastSettings("survivor", 2).build(), List.of(handler))) {
            survivor.start();
            sleep(600); // several reaper rounds: the lease has not expired yet
            Job stillHeld = queue.find(id).orElseThrow();
            assertThat(stillHeld.state()).isEqualTo(JobState.RUNNING);
            assertThat(stillHeld.leaseOwner()).isEqualTo("dead-worker");

            clock.advance(LEASE.plusSeconds(1));
            Job done = awaitJob(queue, id, WAIT, j -> j.state() == JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
        }
        assertThat(runs).hasValue(1);
        assertThat(attemptSeen).hasValue(2);
    }

    @Test
    void aZombiesWritesAreRejectedAndTheNewOwnersLand() {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        JobLease zombie =
                claimer.claim(List.of(type), "worker-a", LEASE).orElseThrow().lease();
        assertThat(recorder.log(zombie, 1, List.of("a: started"))).isTrue();

        clock.advance(LEASE.plusSeconds(1)); // worker-a stalls past its lease
        assertThat(reaper.reap()).containsExactly(new DeadLeaseReaper.Reaped(id, JobState.QUEUED));
        ClaimedJob takeover = claimer.claim(List.of(type), "worker-b", LEASE).orElseThrow();
        JobLease owner = takeover.lease();
        assertThat(owner.version()).isGreaterThan(zombie.version());
        assertThat(takeover.lastLogSeq()).isEqualTo(1);

        // worker-a wakes up and carries on: every write bounces
        assertThat(recorder.progress(zombie, 0.9)).isFalse();
        assertThat(recorder.log(zombie, 2, List.of("a: still here"))).isFalse();
        assertThat(recorder.result(zombie, "{\"from\": \"a\"}")).isFalse();
        assertThat(heartbeat.renew("worker-a", List.of(zombie), LEASE).lost()).containsExactly(id);
        assertThat(finisher.succeed(zombie)).isFalse();
        assertThat(finisher.failOrRetry(zombie, "a failed", clock.instant())).isFalse();
        assertThat(finisher.cancel(zombie, "a cancels")).isFalse();
        assertThat(finisher.release(zombie)).isFalse();

        // worker-b owns the job
        assertThat(recorder.progress(owner, 0.5)).isTrue();
        assertThat(recorder.log(owner, takeover.lastLogSeq() + 1, List.of("b: started")))
                .isTrue();
        assertThat(recorder.result(owner, "{\"from\": \"b\"}")).isTrue();
        assertThat(finisher.succeed(owner)).isTrue();

        Job job = queue.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.result()).isEqualTo("{\"from\": \"b\"}");
        assertThat(queue.logs(id, 0, 10)).extracting(JobLogLine::line).containsExactly("a: started", "b: started");
    }

    @Test
    void aHandlerThatLostItsLeaseIsToldSoAndItsOutcomeIsDiscarded() throws Exception {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        AtomicReference<Boolean> stopAfterRejection = new AtomicReference<>();
        JobHandler stalling = handler(type, ctx -> {
            started.countDown();
            awaitIgnoringInterrupts(resume); // a stall (GC pause, frozen VM) that outlasts the lease
            try {
                ctx.progress(0.7);
            } catch (LeaseLostException e) {
                writeFailure.set(e);
                stopAfterRejection.set(ctx.isCancelRequested());
                throw e;
            }
        });
        // heartbeats far apart, so the test decides when the lease is lost; one thread, so the worker
        // cannot claim the job back while its stalled handler holds that thread
        JobWorkerSettings settings = fastSettings("worker-a", 1)
                .optLeaseDuration(Duration.ofSeconds(30))
                .optHeartbeatInterval(Duration.ofSeconds(10))
                .optReaperInterval(Duration.ofSeconds(10))
                .build();
        try (JobWorker worker = new JobWorker(dataSource, clock, settings, List.of(stalling))) {
            worker.start();
            assertThat(started.await(15, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofSeconds(31));
            reaper.reap();
            ClaimedJob takeover =
                    claimer.claim(List.of(type), "worker-b", LEASE).orElseThrow();

            resume.countDown();
            JobTesting.await(WAIT, () -> worker.runningJobs() == 0, () -> "the stalled handler never ended");

            assertThat(writeFailure.get()).isInstanceOf(LeaseLostException.class);
            Job job = queue.find(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.leaseOwner()).isEqualTo("worker-b");
            assertThat(job.version()).isEqualTo(takeover.lease().version());
            assertThat(job.progress()).isZero();
            assertThat(finisher.succeed(takeover.lease())).isTrue();
        }
        assertThat(stopAfterRejection.get()).isTrue();
    }

    @Test
    void theReaperFailsAJobWithoutAttemptsLeftAndCancelsAJobWhoseCancelWasRequested() {
        String type = uniqueType();
        UUID lastAttempt = queue.enqueue(new NewJob(type, null, "{}", 1));
        UUID toCancel = queue.enqueue(new NewJob(type, null, "{}", 3));
        claimer.claim(List.of(type), "dying", LEASE).orElseThrow();
        claimer.claim(List.of(type), "dying", LEASE).orElseThrow();
        queue.requestCancel(toCancel);

        clock.advance(LEASE.plusSeconds(1));
        assertThat(reaper.reap())
                .containsExactlyInAnyOrder(
                        new DeadLeaseReaper.Reaped(lastAttempt, JobState.FAILED),
                        new DeadLeaseReaper.Reaped(toCancel, JobState.CANCELLED));

        Job failed = queue.find(lastAttempt).orElseThrow();
        assertThat(failed.error()).isEqualTo("worker dying stopped responding during attempt 1 of 1 (lease expired)");
        assertThat(failed.finishedAt()).isEqualTo(clock.instant());
        assertThat(queue.find(toCancel).orElseThrow().finishedAt()).isEqualTo(clock.instant());
        assertThat(reaper.reap()).isEmpty();
    }

    @Test
    void aHeartbeatKeepsTheLeaseAndReportsACancelRequest() {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        JobLease lease =
                claimer.claim(List.of(type), "alive", LEASE).orElseThrow().lease();

        clock.advance(Duration.ofSeconds(2));
        LeaseHeartbeat.Beat beat = heartbeat.renew("alive", List.of(lease), LEASE);
        assertThat(beat.renewed()).containsExactly(id);
        assertThat(beat.cancelRequested()).isEmpty();
        clock.advance(Duration.ofSeconds(2)); // past the first lease, within the renewed one
        assertThat(reaper.reap()).isEmpty();
        assertThat(queue.find(id).orElseThrow().leaseExpiresAt())
                .isEqualTo(clock.instant().plusSeconds(1));

        queue.requestCancel(id);
        assertThat(heartbeat.renew("alive", List.of(lease), LEASE).cancelRequested())
                .containsExactly(id);
        assertThat(heartbeat.renew("someone-else", List.of(lease), LEASE).lost())
                .containsExactly(id);
    }

    @Test
    void contextRejectsBadProgressAndInvalidResultJson() {
        String type = uniqueType();
        queue.enqueue(NewJob.of(type, null, "{}"));
        ClaimedJob claimed = claimer.claim(List.of(type), "w", LEASE).orElseThrow();
        JobExecution context = new JobExecution(
                claimed,
                handler(type, ctx -> {}),
                recorder,
                finisher,
                new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                clock,
                LEASE,
                () -> {});

        assertThatThrownBy(() -> context.progress(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.progress(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.result("{broken"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        context.log("nul \u0000 byte");
        // array literal syntax must not leak through: NULL, quotes, braces, commas, backslashes, unicode
        context.log("NULL\n\"quoted\", {braced}, back\\slash\n  indented ✓");
        assertThat(queue.logs(claimed.id(), 0, 10))
                .extracting(JobLogLine::line)
                .containsExactly("nul \uFFFD byte", "NULL", "\"quoted\", {braced}, back\\slash", "  indented ✓");
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                if (latch.await(20, TimeUnit.SECONDS)) {
                    break;
                }
                throw new AssertionError("never resumed");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
