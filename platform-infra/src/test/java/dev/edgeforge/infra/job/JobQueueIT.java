package dev.edgeforge.infra.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.infra.testing.FreshDatabaseExtension;
import dev.edgeforge.infra.testing.MutableClock;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabaseExtension.class)
class JobQueueIT {
    private final DataSource dataSource;
    private final MutableClock clock = MutableClock.startingNow();
    private final JobQueue queue;

    JobQueueIT(DataSource dataSource) {
        this.dataSource = dataSource;
        this.queue = new JobQueue(dataSource, clock);
    }

    @Test
    void enqueuedJobIsQueuedAndClaimableNow() {
        UUID project = UUID.randomUUID();

        UUID id = queue.enqueue(new NewJob("train", project, "{\"epochs\": 30, \"lr\": 0.005}", 4));

        Job job = queue.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.projectId()).isEqualTo(project);
        assertThat(job.type()).isEqualTo("train");
        assertThat(job.payload()).isEqualTo("{\"lr\": 0.005, \"epochs\": 30}"); // jsonb's canonical form
        assertThat(job.maxAttempts()).isEqualTo(4);
        assertThat(job.attempts()).isZero();
        assertThat(job.progress()).isZero();
        assertThat(job.runAt()).isEqualTo(clock.instant());
        assertThat(job.createdAt()).isEqualTo(clock.instant());
        assertThat(job.leaseOwner()).isNull();
        assertThat(job.result()).isNull();
        assertThat(job.finishedAt()).isNull();
    }

    @Test
    void rejectsInvalidJsonAndBadTypes() {
        assertThatThrownBy(() -> queue.enqueue(NewJob.of("train", null, "{not json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload is not valid JSON");
        assertThatThrownBy(() -> NewJob.of("Train Model", null, "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job type 'Train Model'");
        assertThatThrownBy(() -> new NewJob("train", null, "{}", 0)).hasMessageContaining("maxAttempts");
    }

    @Test
    void findOfUnknownIdIsEmpty() {
        assertThat(queue.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void enqueueJoinsTheCallersTransaction() throws Exception {
        UUID rolledBack;
        UUID committed;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            rolledBack = queue.enqueue(connection, NewJob.of("deploy", null, "{}"));
            connection.rollback();
            committed = queue.enqueue(connection, NewJob.of("deploy", null, "{}"));
            connection.commit();
        }
        assertThat(queue.find(rolledBack)).isEmpty();
        assertThat(queue.find(committed)).isPresent();
    }

    @Test
    void listsAProjectsJobsNewestFirstWithFilters() {
        UUID project = UUID.randomUUID();
        UUID first = queue.enqueue(NewJob.of("features", project, "{}"));
        clock.advance(Duration.ofSeconds(1));
        UUID second = queue.enqueue(NewJob.of("train", project, "{}"));
        clock.advance(Duration.ofSeconds(1));
        UUID third = queue.enqueue(NewJob.of("train", project, "{}"));
        queue.enqueue(NewJob.of("train", UUID.randomUUID(), "{}"));
        queue.requestCancel(second);

        assertThat(queue.list(project, JobListQuery.latest(10)))
                .extracting(Job::id)
                .containsExactly(third, second, first);
        assertThat(queue.list(project, JobListQuery.latest(10).withType("train")))
                .extracting(Job::id)
                .containsExactly(third, second);
        assertThat(queue.list(project, JobListQuery.latest(10).withStates(JobState.CANCELLED)))
                .extracting(Job::id)
                .containsExactly(second);
        assertThat(queue.list(project, JobListQuery.latest(2)))
                .extracting(Job::id)
                .containsExactly(third, second);
        Job secondJob = queue.find(second).orElseThrow();
        assertThat(queue.list(project, JobListQuery.latest(10).withCreatedBefore(secondJob.createdAt())))
                .extracting(Job::id)
                .containsExactly(first);
        assertThatThrownBy(() -> JobListQuery.latest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellingAQueuedJobCancelsItAtOnceAndNothingClaimsIt() {
        String type = JobTesting.uniqueType();
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));

        Job cancelled = queue.requestCancel(id);

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.cancelRequested()).isTrue();
        assertThat(cancelled.finishedAt()).isEqualTo(clock.instant());
        JobClaimer claimer = new JobClaimer(new Jdbc(dataSource), clock);
        assertThat(claimer.claim(List.of(type), "w", Duration.ofSeconds(30))).isEmpty();
        // asking again changes nothing
        assertThat(queue.requestCancel(id)).isEqualTo(cancelled);
    }

    @Test
    void cancellingAFinishedJobLeavesItAsItIs() {
        ClaimedJob claimed = enqueueAndClaim();
        new JobFinisher(new Jdbc(dataSource), clock).succeed(claimed.lease());

        Job after = queue.requestCancel(claimed.id());

        assertThat(after.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(after.cancelRequested()).isFalse();
    }

    @Test
    void cancellingAnUnknownJobIsNotFound() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> queue.requestCancel(id))
                .isInstanceOf(JobNotFoundException.class)
                .hasMessageContaining(id.toString());
    }

    @Test
    void logsArePagedBySeq() {
        ClaimedJob claimed = enqueueAndClaim();
        UUID id = claimed.id();
        JobRecorder recorder = new JobRecorder(new Jdbc(dataSource), clock);
        assertThat(recorder.log(claimed.lease(), 1, List.of("one", "two", "three", "four", "five")))
                .isTrue();

        assertThat(queue.logs(id, 0, 2)).extracting(JobLogLine::line).containsExactly("one", "two");
        assertThat(queue.logs(id, 2, 100)).extracting(JobLogLine::seq).containsExactly(3L, 4L, 5L);
        assertThat(queue.logs(id, 5, 100)).isEmpty();
        assertThat(queue.logs(UUID.randomUUID(), 0, 100)).isEmpty();
        assertThatThrownBy(() -> queue.logs(id, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A job of a type of its own, enqueued and claimed by worker "w". */
    private ClaimedJob enqueueAndClaim() {
        String type = JobTesting.uniqueType();
        queue.enqueue(NewJob.of(type, null, "{}"));
        return new JobClaimer(new Jdbc(dataSource), clock)
                .claim(List.of(type), "w", Duration.ofSeconds(30))
                .orElseThrow();
    }
}
