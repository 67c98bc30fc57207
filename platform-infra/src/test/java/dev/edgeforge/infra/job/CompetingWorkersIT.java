package dev.edgeforge.infra.job;

import static dev.edgeforge.infra.job.JobTesting.fastSettings;
import static dev.edgeforge.infra.job.JobTesting.handler;
import static dev.edgeforge.infra.job.JobTesting.uniqueType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.infra.testing.FreshDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cluster test: two workers with four threads each race for the same 200 jobs. */
@ExtendWith(FreshDatabaseExtension.class)
class CompetingWorkersIT {
    private static final int JOBS = 200;

    private final DataSource dataSource;

    CompetingWorkersIT(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void everyJobRunsExactlyOnceAndNeverTwiceAtTheSameTime() throws Exception {
        String type = uniqueType();
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ids.add(queue.enqueue(NewJob.of(type, null, "{\"n\": " + i + "}")));
        }
        Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> runsByWorker = new ConcurrentHashMap<>();
        Set<UUID> runningNow = ConcurrentHashMap.newKeySet();
        Set<UUID> overlaps = ConcurrentHashMap.newKeySet();

        List<JobWorker> workers = new ArrayList<>();
        for (String name : List.of("node-1", "node-2")) {
            workers.add(new JobWorker(
                    dataSource, Clock.systemUTC(), fastSettings(name, 4).build(), List.of(handler(type, ctx -> {
                        if (!runningNow.add(ctx.jobId())) {
                            overlaps.add(ctx.jobId());
                        }
                        runs.computeIfAbsent(ctx.jobId(), id -> new AtomicInteger())
                                .incrementAndGet();
                        runsByWorker
                                .computeIfAbsent(name, n -> new AtomicInteger())
                                .incrementAndGet();
                        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 6));
                        ctx.result("{\"worker\": \"" + name + "\"}");
                        runningNow.remove(ctx.jobId());
                    }))));
        }
        try {
            workers.forEach(JobWorker::start);
            JobTesting.await(
                    Duration.ofSeconds(60),
                    () -> countSucceeded(type) == JOBS,
                    () -> "only " + countSucceeded(type) + " of " + JOBS + " jobs succeeded");
        } finally {
            workers.forEach(JobWorker::close);
        }

        assertThat(overlaps).isEmpty();
        assertThat(runs).hasSize(JOBS).containsOnlyKeys(ids);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(runsByWorker.keySet()).containsExactlyInAnyOrder("node-1", "node-2");
        // claimed once and finished once each: nothing was reaped, retried or claimed twice
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM jobs WHERE type = ? AND (attempts <> 1 OR version <> 2)")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private long countSucceeded(String type) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM jobs WHERE type = ? AND state = 'succeeded'")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
