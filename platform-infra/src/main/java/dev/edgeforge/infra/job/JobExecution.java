package dev.edgeforge.infra.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one claimed job on a handler thread: gives the handler its {@link JobContext}, then writes the
 * outcome. Other threads (the heartbeat, shutdown) ask it to stop; it then interrupts the handler thread, but
 * only while the handler runs, never the pool thread's next task.
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

    private final Object threadLock = new Object();
    private Thread handlerThread; // guarded by threadLock; set only while the handler runs

    private volatile boolean cancelRequested;
    private volatile boolean leaseLost;
    private volatile boolean shuttingDown;

    private final Object logLock = new Object();
    private long lastLogSeq; // guarded by logLock

    JobExecution(
            ClaimedJob job,
            JobHandler handler,
            JobRecorder recorder,
            JobFinisher finisher,
            RetryBackoff backoff,
            Clock clock,
            Runnable onDone) {
        this.job = job;
        this.handler = handler;
        this.recorder = recorder;
        this.finisher = finisher;
        this.backoff = backoff;
        this.clock = clock;
        this.onDone = onDone;
        this.lastLogSeq = job.lastLogSeq();
    }

    JobLease lease() {
        return job.lease();
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
            finish(failure);
        } catch (RuntimeException e) {
            // the database is unreachable: the lease will expire and the reaper takes the job back
            LOG.error(
                    "Job {} ({}): could not record the end of attempt {}; the job returns to the queue when its "
                            + "lease expires",
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
        if (leaseLost) {
            LOG.warn(
                    "Job {} ({}): attempt {} lost its lease; its outcome is discarded",
                    job.id(),
                    job.type(),
                    job.attempt());
            return;
        } else if (cancelRequested) {
            landed = finisher.cancel(job.lease(), "cancelled by request");
            outcome = "cancelled";
        } else if (shuttingDown) {
            landed = finisher.release(job.lease());
            outcome = "handed back to the queue (worker shutting down)";
        } else if (failure == null) {
            landed = finisher.succeed(job.lease());
            outcome = "succeeded";
        } else if (failure instanceof NonRetryableJobException) {
            landed = finisher.fail(job.lease(), describe(failure));
            outcome = "failed (not retryable)";
            LOG.warn("Job {} ({}) failed: {}", job.id(), job.type(), describe(failure));
        } else {
            landed = finisher.failOrRetry(
                    job.lease(), describe(failure), clock.instant().plus(backoff.delayAfter(job.attempt())));
            outcome = job.attempt() >= job.maxAttempts() ? "failed (last attempt)" : "failed, will retry";
            LOG.warn(
                    "Job {} ({}) attempt {} of {} failed",
                    job.id(),
                    job.type(),
                    job.attempt(),
                    job.maxAttempts(),
                    failure);
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
    public int maxAttempts() {
        return job.maxAttempts();
    }

    @Override
    public void progress(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) { // also rejects NaN
            throw new IllegalArgumentException("progress must be between 0 and 1, was " + fraction);
        }
        if (!recorder.progress(job.lease(), fraction)) {
            throw leaseLostNow();
        }
    }

    @Override
    public void log(String text) {
        List<String> lines = splitLines(text);
        synchronized (logLock) { // one writer at a time keeps seq order equal to commit order
            if (!recorder.log(job.lease(), lastLogSeq + 1, lines)) {
                throw leaseLostNow();
            }
            lastLogSeq += lines.size();
        }
    }

    @Override
    public void result(String json) {
        if (json == null) {
            throw new IllegalArgumentException("result must be a JSON document, was null");
        }
        if (!recorder.result(job.lease(), json)) {
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
