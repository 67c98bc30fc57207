package dev.edgeforge.infra.job;

import static dev.edgeforge.infra.job.JobTesting.awaitJob;
import static dev.edgeforge.infra.job.JobTesting.handler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.infra.db.EmbeddedDatabase;
import dev.edgeforge.infra.testing.MigrationsDirectory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: "a 0.45 s PostgreSQL restart killed the running training job's attempt". A real PostgreSQL (the
 * embedded binaries, on a kept data directory and a fixed port) is stopped and started again while a job writes
 * progress and log lines: the same attempt goes on and finishes, every line lands once and in order.
 */
class DatabaseOutageIT {
    private static final int STEPS = 40;

    @TempDir
    Path dataDirectory;

    private EmbeddedDatabase database;

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aJobRidesOutADatabaseRestartInTheSameAttempt() throws Exception {
        int port = freePort();
        database = start(port);
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("filesystem:" + MigrationsDirectory.find())
                .load()
                .migrate();
        DataSource dataSource = database.dataSource(); // reconnects to whichever server runs on the port
        JobQueue queue = new JobQueue(dataSource, Clock.systemUTC());
        String type = JobTesting.uniqueType();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(1);
        JobHandler training = handler(type, ctx -> {
            runs.incrementAndGet();
            for (int step = 1; step <= STEPS; step++) {
                ctx.log("epoch " + step + "/" + STEPS);
                ctx.progress((double) step / STEPS);
                if (step == 5) {
                    halfway.countDown();
                }
                Thread.sleep(100);
            }
            ctx.result("{\"epochs\": " + STEPS + "}");
        });
        UUID id = queue.enqueue(NewJob.of(type, null, "{}"));
        JobWorkerSettings settings = JobTesting.fastSettings("w-outage", 1)
                .optLeaseDuration(Duration.ofSeconds(10))
                .optHeartbeatInterval(Duration.ofMillis(500))
                .build();

        try (JobWorker worker = new JobWorker(dataSource, Clock.systemUTC(), settings, List.of(training))) {
            worker.start();
            assertThat(halfway.await(20, TimeUnit.SECONDS)).isTrue();
            long stopped = System.nanoTime();
            database.close();
            Thread.sleep(500);
            database = start(port);
            Duration outage = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(outage).isLessThan(Duration.ofSeconds(8));

            Job done =
                    awaitJob(queue, id, Duration.ofSeconds(30), j -> j.state().isTerminal());
            assertThat(done.state())
                    .as("outage of %s ms: %s", outage.toMillis(), done.error())
                    .isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(done.result()).isEqualTo("{\"epochs\": 40}");
        }
        assertThat(runs).hasValue(1);
        assertThat(queue.attempts(id)).singleElement().satisfies(run -> {
            assertThat(run.workerId()).isEqualTo("w-outage");
            assertThat(run.outcome()).isEqualTo("succeeded");
        });
        List<JobLogLine> lines = queue.logs(id, 0, 1000);
        assertThat(lines)
                .extracting(JobLogLine::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, STEPS).boxed().toList());
        assertThat(lines.get(STEPS - 1).line()).isEqualTo("epoch 40/40");
    }

    private EmbeddedDatabase start(int port) {
        return EmbeddedDatabase.builder()
                .optDataDirectory(dataDirectory.resolve("postgres"))
                .optPort(port)
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
