package dev.edgeforge.infra.job;

import static dev.edgeforge.infra.job.JobTesting.awaitJob;
import static dev.edgeforge.infra.job.JobTesting.fastSettings;
import static dev.edgeforge.infra.job.JobTesting.handler;
import static dev.edgeforge.infra.job.JobTesting.uniqueType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.edgeforge.infra.testing.FreshDatabaseExtension;
import dev.edgeforge.infra.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #16: a job keeps the history of its runs (worker, host, start, end, outcome, reason), the lost run's reason
 * stays when a later one succeeds, and the log says where a new run takes over and that its progress starts at 0.
 */
@ExtendWith(FreshDatabaseExtension.class)
class JobAttemptsIT {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final MutableClock clock = MutableClock.startingNow();
    private final Jdbc jdbc;
    private final JobQueue queue;

    JobAttemptsIT(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.queue = new JobQueue(dataSource, clock);
    }

    @Test
    void aRunThatLostItsLeaseStaysInTheHistoryAndTheLogSaysWhereTheNextOneStarts() {
        String type = uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        // worker-27176 gets to epoch 258 of 600, then stops responding
        ClaimedJob dead = new JobClaimer(jdbc, clock)
                .claim(List.of(type), "worker-27176", LEASE)
                .orElseThrow();
        JobRecorder recorder = new JobRecorder(jdbc, clock);
        assertThat(recorder.log(dead.lease(), 1, List.of("epoch 258/600 loss 0.41")))
                .isTrue();
        assertThat(recorder.progress(dead.lease(), 0.43)).isTrue();
        assertThat(queue.attempts(id)).singleElement().satisfies(run -> {
            assertThat(run.workerId()).isEqualTo("worker-27176");
            assertThat(run.host()).isEqualTo(JobAttempts.HOST);
            assertThat(run.outcome()).isNull();
            assertThat(run.endedAt()).isNull();
        });

        clock.advance(LEASE.plusSeconds(1));
        try (JobWorker survivor = new JobWorker(
                dataSource, clock, fastSettings("worker-4420", 1).build(), List.of(handler(type, ctx -> {})))) {
            survivor.start();
            Job done = awaitJob(queue, id, WAIT, j -> j.state() == JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(done.error()).isNull();
        }

        List<JobAttempt> runs = queue.attempts(id);
        assertThat(runs).extracting(JobAttempt::run).containsExactly(1, 2);
        assertThat(runs).extracting(JobAttempt::workerId).containsExactly("worker-27176", "worker-4420");
        assertThat(runs).extracting(JobAttempt::outcome).containsExactly("lease-expired", "succeeded");
        assertThat(runs.get(0).reason()).contains("worker-27176 stopped responding during attempt 1 of 3");
        assertThat(runs.get(0).progress()).isEqualTo(0.43);
        assertThat(runs.get(0).endedAt()).isNotNull();
        assertThat(runs.get(1).reason()).isNull();
        assertThat(runs.get(1).progress()).isEqualTo(1.0);
        assertThat(queue.logs(id, 1, 10))
                .extracting(JobLogLine::line)
                .containsExactly("attempt 1 on worker-27176 lost its lease at 43% (last log line: \"epoch 258/600 "
                        + "loss 0.41\"); attempt 2 of 3 on worker-4420 (" + JobAttempts.HOST
                        + ") starts again from 0%");
    }

    @Test
    void everyEndingOfARunIsRecordedWithItsReason() {
        String type = uniqueType();
        UUID id = queue.enqueue(new NewJob(type, null, "{}", 2));
        JobClaimer claimer = new JobClaimer(jdbc, clock);
        JobFinisher finisher = new JobFinisher(jdbc, clock);

        JobLease first =
                claimer.claim(List.of(type), "w-1", LEASE).orElseThrow().lease();
        assertThat(finisher.release(first)).isTrue(); // shutdown: the attempt is given back
        JobLease second =
                claimer.claim(List.of(type), "w-2", LEASE).orElseThrow().lease();
        assertThat(finisher.failOrRetry(second, "IOException: disk full", clock.instant()))
                .isTrue();
        ClaimedJob third = claimer.claim(List.of(type), "w-3", LEASE).orElseThrow();
        assertThat(third.previous().outcome()).isEqualTo("retrying");
        assertThat(JobExecution.takeOverLine(third))
                .startsWith("attempt 1 on w-2 failed at 0%: IOException: disk full; attempt 2 of 2 on w-3");
        assertThat(finisher.fail(third.lease(), "bad input")).isTrue();

        assertThat(queue.attempts(id))
                .extracting(JobAttempt::run, JobAttempt::attempt, JobAttempt::workerId, JobAttempt::outcome)
                .containsExactly(
                        tuple(1, 1, "w-1", "handed-back"),
                        tuple(2, 1, "w-2", "retrying"),
                        tuple(3, 2, "w-3", "failed"));
        assertThat(queue.attempts(id))
                .extracting(JobAttempt::reason)
                .containsExactly(
                        "its worker shut down; the attempt was given back", "IOException: disk full", "bad input");
    }
}
