package dev.edgeforge.infra.job;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Small helpers shared by the job queue tests. */
final class JobTesting {
    private JobTesting() {}

    /** A job type no other test uses, so tests sharing a database never take each other's jobs. */
    static String uniqueType() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Fast settings for tests: polls every 50 ms, heartbeats every 200 ms, 3 s leases. */
    static JobWorkerSettings.Builder fastSettings(String workerId, int concurrency) {
        return JobWorkerSettings.builder()
                .setConcurrency(concurrency)
                .optWorkerId(workerId)
                .optPollInterval(Duration.ofMillis(50))
                .optLeaseDuration(Duration.ofSeconds(3))
                .optHeartbeatInterval(Duration.ofMillis(200))
                .optReaperInterval(Duration.ofMillis(200))
                .optRetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1))
                .optShutdownGrace(Duration.ofSeconds(2));
    }

    /** Polls until the job satisfies {@code condition}; fails with the job's last state after {@code timeout}. */
    static Job awaitJob(JobQueue queue, UUID id, Duration timeout, Predicate<Job> condition) {
        AtomicReference<Job> last = new AtomicReference<>();
        await(
                timeout,
                () -> {
                    Optional<Job> job = queue.find(id);
                    job.ifPresent(last::set);
                    return job.filter(condition).isPresent();
                },
                () -> "job " + id + " never reached the expected condition; last seen: " + last.get());
        return last.get();
    }

    static void await(Duration timeout, Supplier<Boolean> condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** A handler from a lambda. */
    static JobHandler handler(String type, ThrowingConsumer body) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public void run(JobContext context) throws Exception {
                body.accept(context);
            }
        };
    }

    @FunctionalInterface
    interface ThrowingConsumer {
        void accept(JobContext context) throws Exception;
    }
}
