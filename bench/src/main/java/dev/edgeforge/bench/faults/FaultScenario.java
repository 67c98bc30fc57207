package dev.edgeforge.bench.faults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * The fault scenario of issue #16, item 7: devices upload and jobs run while a training worker and the server are
 * killed with SIGKILL, PostgreSQL restarts and the object store is away; then {@link FaultChecks} says what was
 * lost. The benchmark runs it at full size, the test suite at a small one ({@link Settings}).
 */
public final class FaultScenario {

    /**
     * How big the run is.
     *
     * @param clients      uploading devices
     * @param trains       training jobs (one features job comes before them)
     * @param deploys      firmware deployments of the first models ready
     * @param epochs       epochs per training job
     * @param storeOutage  how long the object store is away
     * @param lease        the workers' lease
     * @param orphanGrace  the sweeper's grace period (it sweeps every half of it)
     */
    public record Settings(
            int clients,
            int trains,
            int deploys,
            int epochs,
            Duration storeOutage,
            Duration lease,
            Duration orphanGrace) {

        /** The benchmark: 8 devices and 20 jobs (1 features, 13 train, 6 deploy), the store away 20 s. */
        public static Settings full() {
            return new Settings(8, 13, 6, 30, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30));
        }

        /** The test suite's: 2 devices and 5 jobs (1 features, 3 train, 1 deploy), the store away 8 s. */
        public static Settings small() {
            return new Settings(2, 3, 1, 20, Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(20));
        }

        int jobs() {
            return 1 + trains + deploys;
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final long begin = System.nanoTime();

    public FaultScenario(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs everything in {@code dir} (PostgreSQL's data, the bucket's folder, every process's log). */
    public FaultReport run(Path dir) throws Exception {
        ReentrantReadWriteLock serverLock = new ReentrantReadWriteLock();
        try (Cluster cluster = new Cluster(dir, settings.lease(), settings.orphanGrace())) {
            say(
                    "starting PostgreSQL, S3Proxy, the server, two training workers, a firmware builder (logs in %s)",
                    cluster.logDir());
            cluster.start();
            Api api = new Api(cluster.baseUrl());
            String token = api.send(
                            "POST",
                            "/api/v1/auth/login",
                            "{\"email\": \"" + cluster.adminEmail() + "\", \"password\": \"" + cluster.adminPassword()
                                    + "\"}",
                            null)
                    .json()
                    .get("token")
                    .asString();
            UUID uploads = UUID.fromString(api.send("POST", "/api/v1/projects", "{\"name\": \"fault uploads\"}", token)
                    .json()
                    .get("id")
                    .asString());
            String apiKey = api.send(
                            "POST",
                            "/api/v1/projects/" + uploads + "/api-keys",
                            "{\"name\": \"devices\", \"scopes\": [\"ingest\"]}",
                            token)
                    .json()
                    .get("key")
                    .asString();
            DataSource database = cluster.dataSource();
            JobDriver driver = new JobDriver(api, token, database, serverLock.readLock());
            say("preparing the jobs project (gesture recordings, impulse, features job)");
            driver.prepare();

            UploadClients clients = new UploadClients(api, apiKey, settings.clients());
            clients.start();
            List<UUID> models = driver.train(settings.trains(), settings.epochs());
            say("%d devices uploading; %d training jobs queued", settings.clients(), settings.trains());
            AtomicReference<Exception> driverFailure = new AtomicReference<>();
            Thread deployer = new Thread(
                    () -> {
                        try {
                            driver.deployAsTrained(models, settings.deploys());
                        } catch (Exception e) {
                            driverFailure.set(e);
                        }
                    },
                    "deployer");
            deployer.start();

            // 1. kill -9 the training worker running a training job
            List<Long> killedWorkers = new ArrayList<>();
            Optional<String> owner = awaitRunningTraining(database, driver.projectId(), Duration.ofMinutes(5));
            if (owner.isPresent()) {
                JavaProcess victim = cluster.trainingWorkers().stream()
                        .filter(p -> owner.get().contains("-" + p.pid() + "-"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no worker owns lease " + owner.get()));
                killedWorkers.add(victim.pid());
                cluster.killAndReplaceTrainingWorker(victim);
                say("kill -9 %s while it trained; a new worker started in its place", victim);
            } else {
                say("no training job ran within 5 minutes: no worker killed");
            }
            Thread.sleep(5000);

            // 2. restart PostgreSQL while jobs run
            int running = awaitRunningJobs(database, Duration.ofMinutes(3));
            Instant dbDown = Instant.now();
            long dbDownNanos = System.nanoTime();
            Duration restart = cluster.restartPostgres();
            long dbUpNanos = System.nanoTime();
            say("PostgreSQL restarted in %.2f s with %d jobs running", restart.toMillis() / 1000.0, running);
            // a lease lost to the restart would expire within this wait: the next fault starts only after it
            Thread.sleep(settings.lease().plusSeconds(5).toMillis());

            // 3. the object store away while jobs run
            int runningThen = awaitRunningJobs(database, Duration.ofMinutes(1));
            long storeDown = System.nanoTime();
            Instant storeDownAt = Instant.now();
            cluster.stopObjectStore();
            say(
                    "object store stopped for %d s with %d jobs running",
                    settings.storeOutage().toSeconds(), runningThen);
            Thread.sleep(settings.storeOutage().toMillis());
            cluster.startObjectStore();
            long storeUp = System.nanoTime();
            say("object store back after %.1f s", (storeUp - storeDown) / 1e9);
            Thread.sleep(5000);
            // 4. kill -9 the server, start it again
            long serverDown = System.nanoTime();
            serverLock.writeLock().lock();
            try {
                cluster.killAndRestartServer();
            } finally {
                serverLock.writeLock().unlock();
            }
            long serverUp = System.nanoTime();
            say("kill -9 the server; ready again after %.1f s", (serverUp - serverDown) / 1e9);
            Thread.sleep(5000);

            clients.stop();
            deployer.join();
            if (driverFailure.get() != null) {
                throw driverFailure.get();
            }
            say("devices stopped; waiting for the %d jobs to end", driver.jobs().size());
            for (Map.Entry<UUID, String> job : driver.jobs().entrySet()) {
                String end = driver.awaitEnd(job.getKey(), 900);
                if (!end.equals("succeeded")) {
                    say("job %s (%s) ended %s", job.getKey(), job.getValue(), end);
                }
            }
            Duration sweep = settings.orphanGrace().plus(settings.orphanGrace()).plusSeconds(10);
            say("every job ended; waiting %d s for the orphan sweeper's grace period and a sweep", sweep.toSeconds());
            Thread.sleep(sweep.toMillis());

            FaultChecks checks = new FaultChecks(database, cluster.objectStore());
            return report(checks, clients, driver, uploads, killedWorkers, running, dbDown, storeDownAt, new long[] {
                serverDown, serverUp, dbDownNanos, dbUpNanos, storeDown, storeUp
            });
        }
    }

    private FaultReport report(
            FaultChecks checks,
            UploadClients clients,
            JobDriver driver,
            UUID uploads,
            List<Long> killedWorkers,
            int runningAtDbRestart,
            Instant dbDown,
            Instant storeDown,
            long[] windows)
            throws SQLException {
        List<String> notes = new ArrayList<>();
        List<String> acknowledged = clients.acknowledged();
        List<String> lost = checks.lostSamples(uploads, acknowledged);
        lost.forEach(sha -> notes.add("lost sample " + sha));
        List<String> orphans = checks.orphans();
        orphans.forEach(key -> notes.add("orphan object " + key));
        int once = 0;
        for (Map.Entry<UUID, String> job : driver.jobs().entrySet()) {
            if (checks.exactlyOnce(job.getKey(), job.getValue())) {
                once++;
            } else {
                notes.add("job " + job.getKey() + " (" + job.getValue() + ") did not finish exactly once");
            }
        }
        int known = checks.jobsOfProject(driver.projectId());
        if (known != driver.jobs().size()) {
            notes.add(
                    "the jobs project has " + known + " jobs, " + driver.jobs().size() + " were asked for");
            once = Math.min(
                    once, driver.jobs().size() - Math.abs(known - driver.jobs().size()));
        }
        int lostToRestart = 0;
        // from the restart until the next fault (which starts a lease and more after the restart ended)
        Instant from = dbDown.minusSeconds(1);
        Instant to = storeDown;
        for (FaultChecks.LostAttempt attempt : checks.unsuccessfulAttempts()) {
            boolean killed =
                    killedWorkers.stream().anyMatch(pid -> attempt.worker().contains("-" + pid + "-"));
            boolean inWindow =
                    !attempt.ended().isBefore(from) && !attempt.ended().isAfter(to);
            if (!killed && inWindow) {
                lostToRestart++;
            }
            notes.add(String.format(
                    Locale.ROOT,
                    "attempt %d of job %s on %s: %s at %s (%s)%s",
                    attempt.run(),
                    attempt.job(),
                    attempt.worker(),
                    attempt.outcome(),
                    attempt.ended(),
                    attempt.reason(),
                    killed ? " [worker killed]" : inWindow ? " [database restart]" : ""));
        }
        List<UploadClients.Outcome> outcomes = clients.outcomes();
        notes.add(
                "devices during the server kill: " + FaultChecks.histogram(between(outcomes, windows[0], windows[1])));
        notes.add("devices during the database restart: "
                + FaultChecks.histogram(between(outcomes, windows[2], windows[3] + 2_000_000_000L)));
        List<UploadClients.Outcome> outage = between(outcomes, windows[4], windows[5]);
        int without = (int) outage.stream()
                .filter(o -> o.status() == 503 && !o.retryAfter())
                .count();
        return new FaultReport(
                acknowledged.size(),
                lost.size(),
                orphans.size(),
                once,
                driver.jobs().size(),
                lostToRestart,
                runningAtDbRestart,
                FaultChecks.histogram(outage),
                without,
                notes);
    }

    private static List<UploadClients.Outcome> between(List<UploadClients.Outcome> all, long from, long to) {
        return all.stream().filter(o -> o.nanos() >= from && o.nanos() <= to).toList();
    }

    /** Waits for a training job that has logged an epoch; the lease owner of that run. */
    private static Optional<String> awaitRunningTraining(DataSource database, UUID projectId, Duration limit)
            throws InterruptedException {
        String sql = "SELECT j.lease_owner FROM jobs j WHERE j.project_id = ? AND j.type = 'train' "
                + "AND j.state = 'running' AND EXISTS (SELECT 1 FROM job_logs l WHERE l.job_id = j.id "
                + "AND l.line LIKE 'Epoch %' AND l.at > j.started_at) LIMIT 1";
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, projectId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return Optional.of(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                // asked again
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** Waits until some job runs (at most {@code limit}); how many run then. */
    private static int awaitRunningJobs(DataSource database, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Connection connection = database.getConnection();
                    PreparedStatement statement =
                            connection.prepareStatement("SELECT count(*) FROM jobs WHERE state = 'running'");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                int running = rows.getInt(1);
                if (running > 0 || System.nanoTime() > deadline) {
                    return running;
                }
            }
            Thread.sleep(250);
        }
    }

    private void say(String format, Object... args) {
        out.printf(
                Locale.ROOT,
                "[%6.1f s] %s%n",
                (System.nanoTime() - begin) / 1e9,
                String.format(Locale.ROOT, format, args));
    }
}
