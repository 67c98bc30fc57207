package dev.edgeforge.infra.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one claimed job on a handler thread: gives the handler its {@link JobContext}, then writes the
 * outcome. Other threads (the heartbeat, shutdown) ask it to stop; it then interrupts the handler thread, but
 * only while the handler runs, never the pool thread's next task.
 *
 * <p>The database may go away for a moment (a restart, a failover) while the job runs: log lines and progress then
 * wait in memory ({@link PendingWrites}), and the result and the final state are written again with a growing pause
 * until they land or the lease has run out (only then may another worker have taken the job over). The handler never
 * sees such an outage.
 */
final class JobExecution implements JobContext, Runnable {
    static final int MAX_LINE_LENGTH = 8_192;
    static final int MAX_ERROR_LENGTH = 4_000;
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final ClaimedJob job;
    private final JobHandler handler;
    private final JobRecorder recorder;
    private final JobFinisher finisher;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final Runnable onDone;
    private final Duration leaseDuration;
    private final PendingWrites pending;
    private volatile long leaseValidUntilNanos;

    private final Object threadLock = new Object();
    private Thread handlerThread; // guarded by threadLock; set only while the handler runs

    private volatile boolean cancelRequested;
    private volatile boolean leaseLost;
    private volatile boolean shuttingDown;

    JobExecution(
            ClaimedJob job,
            JobHandler handler,
            JobRecorder recorder,
            JobFinisher finisher,
            RetryBackoff backoff,
            Clock clock,
            Duration leaseDuration,
            Runnable onDone) {
        this.job = job;
        this.handler = handler;
        this.recorder = recorder;
        this.finisher = finisher;
        this.backoff = backoff;
        this.clock = clock;
        this.onDone = onDone;
        this.leaseDuration = leaseDuration;
        this.pending = new PendingWrites(recorder, job.lease(), job.lastLogSeq());
        this.leaseValidUntilNanos = System.nanoTime() + leaseDuration.toNanos();
    }

    JobLease lease() {
        return job.lease();
    }

    /** The heartbeat that started at {@code beatStartNanos} renewed the lease. */
    void leaseRenewed(long beatStartNanos) {
        leaseValidUntilNanos = beatStartNanos + leaseDuration.toNanos();
    }

    /** Writes the log lines and progress kept while the database was away (from the heartbeat thread). */
    void flushPending() {
        try {
            pending.flush(false);
        } catch (LeaseLostException e) {
            markLeaseLost();
        } catch (RuntimeException e) {
            // never out of the heartbeat's scheduled task: an exception there would cancel every later beat
            LOG.warn("Job {} ({}): writing kept log lines failed: {}", job.id(), job.type(), e.getMessage());
        }
    }

    @Override
    public void run() {
        Throwable failure = null;
        synchronized (threadLock) {
            handlerThread = Thread.currentThread();
        }
        try {
            if (shouldStop()) {
                Thread.currentThread().interrupt(); // asked to stop before it even started
            }
            if (job.previous() != null) {
                log(takeOverLine(job));
            }
            handler.run(this);
        } catch (Throwable t) {
            failure = t;
        } finally {
            synchronized (threadLock) {
                handlerThread = null;
            }
            Thread.interrupted(); // an interrupt meant for the handler must not hit the final write
        }
        try {
            logFailure(failure);
            finish(failure);
        } catch (RuntimeException e) {
            // the database is unreachable: the lease will expire and the reaper takes the job back
            LOG.error(
                    "Job {} ({}): could not record the end of attempt {} before its lease ran out; the job returns "
                            + "to the queue",
                    job.id(),
                    job.type(),
                    job.attempt(),
                    e);
        } finally {
            onDone.run();
        }
    }

    private void finish(Throwable failure) {
        boolean landed;
        String outcome;
        if (!leaseLost) {
            drainPending();
        }
        if (leaseLost) {
            LOG.warn(
                    "Job {} ({}): attempt {} lost its lease; its outcome is discarded",
                    job.id(),
                    job.type(),
                    job.attempt());
            return;
        } else if (cancelRequested) {
            landed = persist("its cancellation", () -> finisher.cancel(job.lease(), "cancelled by request"));
            outcome = "cancelled";
        } else if (shuttingDown) {
            landed = persist("its hand-back", () -> finisher.release(job.lease()));
            outcome = "handed back to the queue (worker shutting down)";
        } else if (failure == null) {
            landed = persist("its success", () -> finisher.succeed(job.lease()));
            outcome = "succeeded";
        } else if (failure instanceof NonRetryableJobException) {
            landed = persist("its failure", () -> finisher.fail(job.lease(), describe(failure)));
            outcome = "failed (not retryable)";
        } else {
            landed = persist(
                    "its failure",
                    () -> finisher.failOrRetry(
                            job.lease(), describe(failure), clock.instant().plus(backoff.delayAfter(job.attempt()))));
            outcome = job.attempt() >= job.maxAttempts() ? "failed (last attempt)" : "failed, will retry";
        }
        if (landed) {
            LOG.debug("Job {} ({}) attempt {}: {}", job.id(), job.type(), job.attempt(), outcome);
        } else {
            LOG.warn(
                    "Job {} ({}): attempt {} lost its lease before it could record '{}'",
                    job.id(),
                    job.type(),
                    job.attempt(),
                    outcome);
        }
    }

    /** The heartbeat saw cancel_requested. */
    void requestCancel() {
        cancelRequested = true;
        interruptHandler();
    }

    /** The heartbeat could not renew the lease: the job was reaped and maybe claimed by another worker. */
    void markLeaseLost() {
        leaseLost = true;
        interruptHandler();
    }

    /** The worker's shutdown grace ran out. */
    void stopForShutdown() {
        shuttingDown = true;
        interruptHandler();
    }

    private void interruptHandler() {
        synchronized (threadLock) {
            if (handlerThread != null) {
                handlerThread.interrupt();
            }
        }
    }

    private boolean shouldStop() {
        return cancelRequested || leaseLost || shuttingDown;
    }

    @Override
    public UUID jobId() {
        return job.id();
    }

    @Override
    public UUID projectId() {
        return job.projectId();
    }

    @Override
    public String type() {
        return job.type();
    }

    @Override
    public String payload() {
        return job.payload();
    }

    @Override
    public int attempt() {
        return job.attempt();
    }

    @Override
    public String workerId() {
        return job.lease().owner();
    }

    @Override
    public int maxAttempts() {
        return job.maxAttempts();
    }

    @Override
    public void progress(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) { // also rejects NaN
            throw new IllegalArgumentException("progress must be between 0 and 1, was " + fraction);
        }
        pending.progress(fraction);
        flushPendingOrThrow();
    }

    @Override
    public void log(String text) {
        pending.log(splitLines(text));
        flushPendingOrThrow();
    }

    private void flushPendingOrThrow() {
        try {
            pending.flush(false);
        } catch (LeaseLostException e) {
            throw leaseLostNow();
        }
    }

    @Override
    public void result(String json) {
        if (json == null) {
            throw new IllegalArgumentException("result must be a JSON document, was null");
        }
        if (!persist("its result", () -> recorder.result(job.lease(), json))) {
            throw leaseLostNow();
        }
    }

    @Override
    public boolean isCancelRequested() {
        return shouldStop();
    }

    @Override
    public void throwIfCancelled() {
        if (leaseLost) {
            throw new LeaseLostException(job.id());
        }
        if (cancelRequested) {
            throw new JobCancelledException("job " + job.id() + " was cancelled");
        }
        if (shuttingDown) {
            throw new JobCancelledException("job " + job.id() + " stopped: the worker is shutting down");
        }
    }

    private LeaseLostException leaseLostNow() {
        leaseLost = true;
        return new LeaseLostException(job.id());
    }

    /** Writes what waits in memory, trying again until it lands or the lease has run out. */
    private void drainPending() {
        try {
            while (!pending.flush(true)) {
                if (leaseValidUntilNanos - System.nanoTime() <= 0) {
                    LOG.warn(
                            "Job {} ({}): log lines and progress kept while the database was away are lost with the "
                                    + "lease",
                            job.id(),
                            job.type());
                    return;
                }
                sleep(pending.pause());
            }
        } catch (LeaseLostException e) {
            leaseLost = true;
        } catch (JobQueueException e) {
            LOG.warn("Job {} ({}): writing the kept log lines failed: {}", job.id(), job.type(), e.getMessage());
        }
    }

    /**
     * Runs a fenced write, again after a growing pause while the database is away, until it lands or the lease has
     * run out: before that no other worker can have the job, so the attempt is not lost to a short outage.
     */
    private <T> T persist(String what, Supplier<T> write) {
        Duration pause = PendingWrites.FIRST_PAUSE;
        boolean warned = false;
        while (true) {
            try {
                T written = write.get();
                if (warned) {
                    LOG.info("Job {} ({}) attempt {}: {} is written", job.id(), job.type(), job.attempt(), what);
                }
                return written;
            } catch (JobQueueException e) {
                long left = leaseValidUntilNanos - System.nanoTime();
                if (!Jdbc.isTransient(e) || left <= 0) {
                    throw e;
                }
                if (!warned) {
                    warned = true;
                    LOG.warn(
                            "Job {} ({}) attempt {}: cannot write {} ({}); trying again until its lease runs out in "
                                    + "{} s",
                            job.id(),
                            job.type(),
                            job.attempt(),
                            what,
                            e.getMessage(),
                            Duration.ofNanos(left).toSeconds());
                }
                if (!sleep(Duration.ofNanos(Math.min(pause.toNanos(), left)))) {
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(PendingWrites.MAX_PAUSE) > 0
                        ? PendingWrites.MAX_PAUSE
                        : pause.multipliedBy(2);
            }
        }
    }

    /** Sleeps; answers false (keeping the interrupt) when interrupted. */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The handler's own failure, with its cause, whatever becomes of the attempt. */
    private void logFailure(Throwable failure) {
        if (failure == null || failure instanceof JobCancelledException || failure instanceof LeaseLostException) {
            return;
        }
        if (failure instanceof InterruptedException && shouldStop()) {
            return; // the handler stopped because it was asked to
        }
        LOG.warn(
                "Job {} ({}) attempt {} of {} on worker {} failed: {}",
                job.id(),
                job.type(),
                job.attempt(),
                job.maxAttempts(),
                job.lease().owner(),
                describe(failure),
                failure);
    }

    /** The job log's account of the run before this one, and of this one starting over. */
    static String takeOverLine(ClaimedJob job) {
        ClaimedJob.PreviousRun previous = job.previous();
        String before = "attempt " + previous.attempt() + " on " + previous.workerId();
        String percent = Math.round(previous.progress() * 100) + "%";
        String how = switch (previous.outcome() == null ? "" : previous.outcome()) {
            case "lease-expired" -> before + " lost its lease at " + percent + lastLine(previous);
            case "retrying", "failed" -> before + " failed at " + percent + ": " + String.valueOf(previous.reason());
            case "handed-back" -> before + " was handed back at " + percent + " (its worker shut down)";
            default -> before + " ended (" + previous.outcome() + ") at " + percent;
        };
        return how + "; attempt " + job.attempt() + " of " + job.maxAttempts() + " on "
                + job.lease().owner() + " (" + JobAttempts.HOST + ") starts"
                + (previous.progress() > 0 ? " again from 0%" : "");
    }

    private static String lastLine(ClaimedJob.PreviousRun previous) {
        String line = previous.lastLogLine();
        if (line == null || line.isBlank()) {
            return "";
        }
        return " (last log line: \"" + (line.length() > 200 ? line.substring(0, 200) + "…" : line) + "\")";
    }

    static List<String> splitLines(String text) {
        String safe = text == null ? "null" : text.replace('\u0000', '\uFFFD'); // PostgreSQL text cannot hold NUL
        List<String> lines = new ArrayList<>();
        for (String line : safe.split("\\R", -1)) {
            lines.add(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) + "…" : line);
        }
        // "a\n" is one line, not "a" and ""
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** What the user sees as the job's error: the exception's message and causes, no stack trace. */
    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            boolean plain = t == failure && t instanceof NonRetryableJobException && t.getMessage() != null;
            parts.add(
                    plain
                            ? t.getMessage()
                            : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        String text = String.join(" (caused by ", parts) + ")".repeat(parts.size() - 1);
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
    }
}
