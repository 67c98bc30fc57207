package dev.edgeforge.infra.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued jobs with the registered {@link JobHandler}s: a poll thread claims jobs while handler threads are
 * free ({@link JobClaimer}), each job runs on a handler thread ({@link JobExecution}), one scheduler thread renews
 * leases and notices cancel requests ({@link LeaseHeartbeat}) and takes back jobs of dead workers
 * ({@link DeadLeaseReaper}). Any number of workers, in any number of processes, can share one database.
 *
 * <p>{@link #close()} shuts down gracefully: no new claims, running jobs get the shutdown grace to finish, then
 * are interrupted and handed back to the queue.
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final Duration STOP_AFTER_INTERRUPT = Duration.ofSeconds(10);

    private final JobWorkerSettings settings;
    private final Clock clock;
    private final Map<String, JobHandler> handlers;
    private final JobClaimer claimer;
    private final LeaseHeartbeat heartbeat;
    private final DeadLeaseReaper reaper;
    private final JobRecorder recorder;
    private final JobFinisher finisher;
    private final RetryBackoff backoff;

    private final Map<UUID, JobExecution> running = new ConcurrentHashMap<>();
    private final Semaphore wakeup = new Semaphore(0);
    private final ExecutorService handlerPool;
    private final ScheduledExecutorService scheduler;
    private final Thread poller;
    private volatile boolean polling;
    private boolean started;
    private boolean closed;

    /**
     * @param handlers one handler per job type; the worker only claims jobs of these types
     */
    public JobWorker(
            DataSource dataSource, Clock clock, JobWorkerSettings settings, Collection<? extends JobHandler> handlers) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handlers = byType(handlers);
        Jdbc jdbc = new Jdbc(dataSource);
        this.claimer = new JobClaimer(jdbc, clock);
        this.heartbeat = new LeaseHeartbeat(jdbc, clock);
        this.reaper = new DeadLeaseReaper(jdbc, clock);
        this.recorder = new JobRecorder(jdbc, clock);
        this.finisher = new JobFinisher(jdbc, clock);
        this.backoff = new RetryBackoff(settings.retryBackoff(), settings.maxRetryBackoff());
        this.handlerPool =
                Executors.newFixedThreadPool(settings.concurrency(), named("job-" + settings.workerId() + "-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("job-lease-" + settings.workerId() + "-"));
        this.poller = new Thread(this::pollLoop, "job-poll-" + settings.workerId());
        this.poller.setDaemon(true);
    }

    private static Map<String, JobHandler> byType(Collection<? extends JobHandler> handlers) {
        Map<String, JobHandler> byType = new LinkedHashMap<>();
        for (JobHandler handler : handlers) {
            String type = NewJob.requireValidType(handler.type());
            if (byType.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("two handlers for job type '" + type + "'");
            }
        }
        if (byType.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one job handler");
        }
        return Map.copyOf(byType);
    }

    /** Starts claiming and running jobs. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("worker " + settings.workerId() + " is closed");
        }
        if (started) {
            return;
        }
        started = true;
        polling = true;
        long heartbeatMillis = settings.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        long reaperMillis = settings.reaperInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reap, 0, reaperMillis, TimeUnit.MILLISECONDS);
        poller.start();
        LOG.info(
                "Job worker {} started: types {}, {} threads",
                settings.workerId(),
                handlers.keySet(),
                settings.concurrency());
    }

    public String workerId() {
        return settings.workerId();
    }

    /** The job types this worker runs. */
    public Set<String> types() {
        return handlers.keySet();
    }

    /** How many jobs this worker runs right now. */
    public int runningJobs() {
        return running.size();
    }

    private void pollLoop() {
        List<String> types = List.copyOf(handlers.keySet());
        while (polling) {
            try {
                if (running.size() < settings.concurrency()) {
                    Optional<ClaimedJob> claimed = claimer.claim(types, settings.workerId(), settings.leaseDuration());
                    if (claimed.isPresent()) {
                        launch(claimed.get());
                        continue; // there may be more work: claim again at once
                    }
                }
                wakeup.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeup.drainPermits();
            } catch (InterruptedException e) {
                if (!polling) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "Job worker {}: claiming failed ({}); trying again in {}",
                        settings.workerId(),
                        e.getMessage(),
                        settings.pollInterval());
                sleepQuietly(settings.pollInterval());
            }
        }
    }

    private void launch(ClaimedJob job) {
        JobExecution execution = new JobExecution(
                job, handlers.get(job.type()), recorder, finisher, backoff, clock, settings.leaseDuration(), () -> {
                    running.remove(job.id());
                    wakeup.release();
                });
        // registered before it runs, so the very next heartbeat already renews its lease
        running.put(job.id(), execution);
        LOG.debug(
                "Job worker {}: running job {} ({}) attempt {}",
                settings.workerId(),
                job.id(),
                job.type(),
                job.attempt());
        handlerPool.execute(execution);
    }

    /**
     * Renews the leases, trying again after a short pause while the database is away (a restart takes about a
     * second; the lease outlives two missed beats), then writes what the runs kept in memory meanwhile.
     */
    private void beat() {
        Duration pause = Duration.ofMillis(100);
        long deadline = System.nanoTime() + settings.heartbeatInterval().toNanos();
        while (true) {
            long started = System.nanoTime();
            try {
                renewOnce(started);
                break;
            } catch (RuntimeException e) {
                if (!Jdbc.isTransient(e) || System.nanoTime() + pause.toNanos() - deadline > 0) {
                    // a longer outage ends in lost leases, handled then
                    LOG.warn("Job worker {}: heartbeat failed: {}", settings.workerId(), e.getMessage());
                    return;
                }
                sleepQuietly(pause);
                pause = pause.multipliedBy(2);
            }
        }
        running.values().forEach(JobExecution::flushPending);
    }

    private void renewOnce(long startedNanos) {
        List<JobLease> leases =
                running.values().stream().map(JobExecution::lease).toList();
        LeaseHeartbeat.Beat beat = heartbeat.renew(settings.workerId(), leases, settings.leaseDuration());
        for (UUID id : beat.renewed()) {
            JobExecution execution = running.get(id);
            if (execution != null) {
                execution.leaseRenewed(startedNanos);
            }
        }
        for (UUID id : beat.lost()) {
            JobExecution execution = running.get(id);
            if (execution != null) {
                execution.markLeaseLost();
            }
        }
        for (UUID id : beat.cancelRequested()) {
            JobExecution execution = running.get(id);
            if (execution != null) {
                LOG.info("Job worker {}: cancelling job {} on request", settings.workerId(), id);
                execution.requestCancel();
            }
        }
    }

    private void reap() {
        try {
            List<DeadLeaseReaper.Reaped> reaped;
            do {
                reaped = reaper.reap();
                for (DeadLeaseReaper.Reaped job : reaped) {
                    LOG.warn(
                            "Job worker {}: job {} had an expired lease; now {}",
                            settings.workerId(),
                            job.jobId(),
                            job.state().dbValue());
                }
            } while (reaped.size() == DeadLeaseReaper.BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Job worker {}: reaping expired leases failed: {}", settings.workerId(), e.getMessage());
        }
    }

    /**
     * Stops claiming, waits up to the shutdown grace for running jobs, then interrupts them and hands them back to
     * the queue. A handler that ignores the interrupt keeps its thread; its lease then expires and another worker
     * takes the job over.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        polling = false;
        poller.interrupt();
        try {
            if (poller.isAlive()) {
                poller.join();
            }
            handlerPool.shutdown();
            if (!handlerPool.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info(
                        "Job worker {}: interrupting {} running jobs after the shutdown grace",
                        settings.workerId(),
                        running.size());
                running.values().forEach(JobExecution::stopForShutdown);
                if (!handlerPool.awaitTermination(STOP_AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn(
                            "Job worker {}: jobs {} ignore interruption; they return to the queue when their "
                                    + "leases expire",
                            settings.workerId(),
                            running.keySet());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.values().forEach(JobExecution::stopForShutdown);
        } finally {
            handlerPool.shutdownNow();
            scheduler.shutdownNow();
        }
        LOG.info("Job worker {} stopped", settings.workerId());
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
