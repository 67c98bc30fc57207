package dev.edgeforge.infra.worker;

import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.JobWorker;
import dev.edgeforge.infra.job.JobWorkerSettings;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.ObjectStores;
import dev.edgeforge.infra.storage.PatientObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a worker process's {@code main}: connect, run the handlers until the process is told to stop, then
 * hand running jobs back (graceful shutdown). A worker killed without warning loses nothing: its leases expire and
 * another worker takes the jobs again.
 */
public final class StandaloneWorker {

    private static final Logger log = LoggerFactory.getLogger(StandaloneWorker.class);

    private StandaloneWorker() {}

    /**
     * Runs until SIGTERM/SIGINT.
     *
     * @param service  name for the log, e.g. {@code training-worker}
     * @param env      the environment ({@link WorkerEnvironment#from})
     * @param handlers builds the service's handlers from the object store and the environment
     */
    public static void run(
            String service,
            WorkerEnvironment env,
            BiFunction<ObjectStore, WorkerEnvironment, List<JobHandler>> handlers)
            throws InterruptedException {
        // a job waits out a short object-store outage in its attempt rather than spending its attempts on it
        ObjectStore store = new PatientObjectStore(ObjectStores.create(env.storage()), STORAGE_PATIENCE);
        JobWorker worker = new JobWorker(
                dataSource(env),
                Clock.systemUTC(),
                JobWorkerSettings.builder()
                        .setConcurrency(env.concurrency())
                        .optLeaseDuration(env.leaseDuration())
                        .build(),
                handlers.apply(store, env));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("{} stopping: handing running jobs back", service);
                            worker.close();
                            store.close();
                            stopped.countDown();
                        },
                        service + "-shutdown"));
        worker.start();
        log.info("{} {} started with {}; job types {}", service, worker.workerId(), env, worker.types());
        stopped.await();
    }

    /** How long a job's object-store operation waits for an unreachable store before it fails the attempt. */
    public static final Duration STORAGE_PATIENCE = Duration.ofMinutes(5);

    /** How long opening a database connection may take. */
    static final int CONNECT_TIMEOUT_SECONDS = 2;

    static DataSource dataSource(WorkerEnvironment env) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(env.jdbcUrl());
        if (env.username() != null) {
            dataSource.setUser(env.username());
        }
        if (env.password() != null) {
            dataSource.setPassword(env.password());
        }
        dataSource.setApplicationName("edgeforge-worker");
        // a database that is away fails a write within seconds, which the job then keeps and retries (JobExecution)
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }
}
