package dev.edgeforge.infra.job;

import static dev.edgeforge.infra.job.JobTesting.awaitJob;
import static dev.edgeforge.infra.job.JobTesting.fastSettings;
import static dev.edgeforge.infra.job.JobTesting.handler;
import static dev.edgeforge.infra.job.JobTesting.uniqueType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.infra.testing.FreshDatabaseExtension;
import dev.edgeforge.infra.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabaseExtension.class)
class JobWorkerIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final DataSource dataSource;

    JobWorkerIT(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void progressAndLogsAreReadableWhileRunningAndTheResultIsStored() throws Exception {
        String type = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        JobHandler train = handler(type, ctx -> {
            ctx.progress(0.25);
            ctx.log("step 1");
            ctx.log("line a\nline b\n");
            ctx.progress(0.5);
            reported.countDown();
            assertThat(proceed.await(20, TimeUnit.SECONDS)).isTrue();
            ctx.result("{\"modelId\": \"m-1\", \"accuracy\": 0.93}");
            ctx.log("done");
        });
        UUID project = UUID.randomUUID();
        UUID id = queue.enqueue(NewJob.of(type, project, "{\"epochs\": 3}"));

        try (JobWorker worker = new JobWorker(
                dataSource, Clock.systemUTC(), fastSettings("w-progress", 2).build(), List.of(train))) {
            worker.start();
            assertThat(reported.await(15, TimeUnit.SECONDS)).isTrue();

            Job running = queue.find(id).orElseThrow();
            assertThat(running.state()).isEqualTo(JobState.RUNNING);
            assertThat(running.progress()).isEqualTo(0.5);
            assertThat(running.leaseOwner()).isEqualTo("w-progress");
            assertThat(running.attempts()).isEqualTo(1);
            assertThat(running.startedAt()).isNotNull();
            assertThat(queue.logs(id, 0, 100))
                    .extracting(JobLogLine::seq, JobLogLine::line)
                    .containsExactly(Tuple.tuple(1L, "step 1"), Tuple.tuple(2L, "line a"), Tuple.tuple(3L, "line b"));

            proceed.countDown();
            Job done = awaitJob(queue, id, WAIT, j -> j.state() == JobState.SUCCEEDED);
            assertThat(done.result()).isEqualTo("{\"modelId\": \"m-1\", \"accuracy\": 0.93}");
            assertThat(done.progress()).isEqualTo(1.0);
            assertThat(done.finishedAt()).isNotNull();
            assertThat(done.leaseOwner()).isNull();
            assertThat(done.error()).isNull();
            assertThat(queue.logs(id, 3, 100)).extracting(JobLogLine::line).containsExactly("done");
        }
    }

    @Test
    void failedAttemptsAreRetriedWithExponentialBackoffThenSucceed() {
        String type = uniqueType();
        MutableClock clock = MutableClock.startingNow();
        JobQueue queue = new JobQueue(dataSource, clock);
        AtomicInteger runs = new AtomicInteger();
        JobHandler flaky = handler(type, ctx -> {
            runs.incrementAndGet();
            ctx.log("attempt " + ctx.attempt());
            if (ctx.attempt() < 3) {
                throw new IllegalStateException("transient failure " + ctx.attempt());
            }
            ctx.result("{\"ok\": true}");
        });
        UUID id = queue.enqueue(new NewJob(type, null, "{}", 3));

        try (JobWorker worker =
                new JobWorker(dataSource, clock, fastSettings("w-retry", 1).build(), List.of(flaky))) {
            worker.start();

            Job afterFirst = awaitJob(queue, id, WAIT, j -> j.state() == JobState.QUEUED && j.attempts() == 1);
            assertThat(afterFirst.error()).isEqualTo("IllegalStateException: transient failure 1");
            assertThat(afterFirst.runAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(10)));
            assertThat(afterFirst.leaseOwner()).isNull();
            sleep(400); // many poll intervals: still waiting for its backoff
            assertThat(queue.find(id).orElseThrow().attempts()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(10));
            Job afterSecond = awaitJob(queue, id, WAIT, j -> j.state() == JobState.QUEUED && j.attempts() == 2);
            assertThat(afterSecond.runAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(20)));

            clock.advance(Duration.ofSeconds(20));
            Job done = awaitJob(queue, id, WAIT, j -> j.state() == JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(3);
            assertThat(done.error()).isNull();
            assertThat(done.result()).isEqualTo("{\"ok\": true}");
        }
        assertThat(runs).hasValue(3);
        // each retry says which run failed how, and where it starts
        assertThat(queue.logs(id, 0, 10))
                .extracting(JobLogLine::line)
                .containsExactly(
                        "attempt 1",
                        "attempt 1 on w-retry failed at 0%: IllegalStateException: transient failure 1; attempt 2 of 3 "
                                + "on w-retry (" + JobAttempts.HOST + ") starts",
                        "attempt 2",
                        "attempt 2 on w-retry failed at 0%: IllegalStateException: transient failure 2; attempt 3 of 3 "
                                + "on w-retry (" + JobAttempts.HOST + ") starts",
                        "attempt 3");
    }

    @Test
    void aJobFailsWithTheErrorWhenItsAttemptsAreUsedUp() {
        String type = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();
        JobHandler broken = handler(type, ctx -> {
            runs.incrementAndGet();
            throw new IllegalStateException("out of memory on the GPU", new RuntimeException("CUDA error 2"));
        });
        UUID id = queue.enqueue(new NewJob(type, null, "{}", 2));

        try (JobWorker worker = new JobWorker(
                dataSource,
                Clock.systemUTC(),
                fastSettings("w-fail", 1)
                        .optRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(10))
                        .build(),
                List.of(broken))) {
            worker.start();
            Job failed = awaitJob(queue, id, WAIT, j -> j.state() == JobState.FAILED);
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.error())
                    .isEqualTo("IllegalStateException: out of memory on the GPU (caused by RuntimeException: CUDA "
                            + "error 2)");
            assertThat(failed.finishedAt()).isNotNull();
        }
        assertThat(runs).hasValue(2);
    }

    @Test
    void aNonRetryableFailureFailsAtOnce() {
        String type = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();
        JobHandler strict = handler(type, ctx -> {
            runs.incrementAndGet();
            throw new NonRetryableJobException("payload has no 'impulseId'");
        });
        UUID id = queue.enqueue(new NewJob(type, null, "{}", 5));

        try (JobWorker worker = new JobWorker(
                dataSource, Clock.systemUTC(), fastSettings("w-nonretry", 1).build(), List.of(strict))) {
            worker.start();
            Job failed = awaitJob(queue, id, WAIT, j -> j.state() == JobState.FAILED);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.error()).isEqualTo("payload has no 'impulseId'");
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void cancellingRunningJobsStopsThemWithinSeconds() throws Exception {
        String cooperativeType = uniqueType();
        String blockingType = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicReference<Throwable> blockingSaw = new AtomicReference<>();
        JobHandler cooperative = handler(cooperativeType, ctx -> {
            bothRunning.countDown();
            while (true) {
                ctx.throwIfCancelled();
                busyWork(20); // a compute loop that never blocks, so only the flag can stop it
            }
        });
        JobHandler blocking = handler(blockingType, ctx -> {
            bothRunning.countDown();
            try {
                Thread.sleep(60_000); // stopped only by the interrupt
            } catch (InterruptedException e) {
                blockingSaw.set(e);
                throw e;
            }
        });
        UUID cooperativeJob = queue.enqueue(NewJob.of(cooperativeType, null, "{}"));
        UUID blockingJob = queue.enqueue(NewJob.of(blockingType, null, "{}"));

        try (JobWorker worker = new JobWorker(
                dataSource, Clock.systemUTC(), fastSettings("w-cancel", 2).build(), List.of(cooperative, blocking))) {
            worker.start();
            assertThat(bothRunning.await(15, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            assertThat(queue.requestCancel(cooperativeJob).state()).isEqualTo(JobState.RUNNING);
            assertThat(queue.requestCancel(blockingJob).cancelRequested()).isTrue();

            Job first = awaitJob(queue, cooperativeJob, Duration.ofSeconds(3), j -> j.state() == JobState.CANCELLED);
            Job second = awaitJob(queue, blockingJob, Duration.ofSeconds(3), j -> j.state() == JobState.CANCELLED);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(first.error()).isEqualTo("cancelled by request");
            assertThat(second.finishedAt()).isNotNull();
            assertThat(blockingSaw.get()).isInstanceOf(InterruptedException.class);
            JobTesting.await(Duration.ofSeconds(5), () -> worker.runningJobs() == 0, () -> "handlers still running");
        }
    }

    @Test
    void closingTheWorkerHandsUnfinishedJobsBackWithoutUsingAnAttempt() throws Exception {
        String type = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        JobHandler slow = handler(type, ctx -> {
            started.countDown();
            Thread.sleep(60_000);
        });
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));

        JobWorker worker = new JobWorker(
                dataSource,
                Clock.systemUTC(),
                fastSettings("w-shutdown", 1)
                        .optShutdownGrace(Duration.ofMillis(300))
                        .build(),
                List.of(slow));
        worker.start();
        assertThat(started.await(15, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        worker.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Job released = queue.find(id).orElseThrow();
        assertThat(released.state()).isEqualTo(JobState.QUEUED);
        assertThat(released.attempts()).isZero();
        assertThat(released.leaseOwner()).isNull();

        // and another worker runs it
        AtomicInteger ranAgain = new AtomicInteger();
        try (JobWorker next = new JobWorker(
                dataSource,
                Clock.systemUTC(),
                fastSettings("w-next", 1).build(),
                List.of(handler(type, ctx -> ranAgain.incrementAndGet())))) {
            next.start();
            assertThat(awaitJob(queue, id, WAIT, j -> j.state() == JobState.SUCCEEDED)
                            .attempts())
                    .isEqualTo(1);
        }
        assertThat(ranAgain).hasValue(1);
    }

    @Test
    void closeLetsJobsFinishWithinTheGrace() throws Exception {
        String type = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        JobWorker worker = new JobWorker(
                dataSource, Clock.systemUTC(), fastSettings("w-grace", 1).build(), List.of(handler(type, ctx -> {
                    started.countDown();
                    Thread.sleep(300);
                })));
        worker.start();
        assertThat(started.await(15, TimeUnit.SECONDS)).isTrue();

        worker.close();

        assertThat(queue.find(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void handlersMustHaveDistinctValidTypes() {
        JobWorkerSettings settings = fastSettings("w-bad", 1).build();
        assertThatThrownBy(() -> new JobWorker(
                        dataSource,
                        Clock.systemUTC(),
                        settings,
                        List.of(handler("train", ctx -> {}), handler("train", ctx -> {}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two handlers");
        assertThatThrownBy(() -> new JobWorker(dataSource, Clock.systemUTC(), settings, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() ->
                        new JobWorker(dataSource, Clock.systemUTC(), settings, List.of(handler("Bad Type", ctx -> {}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job type");
    }

    private static void busyWork(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += Math.sqrt(sink + 1);
        }
        if (sink < 0) {
            throw new AssertionError();
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
