package dev.edgeforge.infra.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines and progress a run reported that the database has not taken yet. A write that fails because the
 * database is away ({@link Jdbc#isTransient}) stays here, bounded, and is tried again after a growing pause by the
 * handler's next call or by the heartbeat, whichever comes first: a short outage costs the run nothing. A write the
 * database refuses because the lease is gone throws {@link LeaseLostException}.
 */
final class PendingWrites {
    /** Lines kept while the database is away; later lines are dropped and counted (a note says how many). */
    static final int MAX_BUFFERED_LINES = 10_000;

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    private static final int LINES_PER_WRITE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(PendingWrites.class);

    private final JobRecorder recorder;
    private final JobLease lease;

    // all guarded by this
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long writtenSeq;
    private long droppedLines;
    private double progress = -1; // not yet written, or -1
    private long notBeforeNanos;
    private Duration pause = Duration.ZERO;
    private boolean away;

    PendingWrites(JobRecorder recorder, JobLease lease, long lastLogSeq) {
        this.recorder = recorder;
        this.lease = lease;
        this.writtenSeq = lastLogSeq;
    }

    synchronized void log(List<String> newLines) {
        for (String line : newLines) {
            if (lines.size() < MAX_BUFFERED_LINES) {
                lines.add(line);
            } else {
                droppedLines++;
            }
        }
    }

    synchronized void progress(double fraction) {
        progress = fraction;
    }

    synchronized boolean isEmpty() {
        return lines.isEmpty() && droppedLines == 0 && progress < 0;
    }

    /**
     * Writes what is pending, unless the pause after a failed write still runs and {@code force} is false.
     *
     * @return whether nothing is pending any more
     * @throws LeaseLostException when the database refused a write because the run lost its lease
     * @throws JobQueueException  when the database refused a write for another reason than being away
     */
    synchronized boolean flush(boolean force) {
        if (isEmpty()) {
            return true;
        }
        if (!force && System.nanoTime() - notBeforeNanos < 0) {
            return false;
        }
        try {
            writeLines();
            if (progress >= 0) {
                if (!recorder.progress(lease, progress)) {
                    throw new LeaseLostException(lease.jobId());
                }
                progress = -1;
            }
        } catch (JobQueueException e) {
            if (!Jdbc.isTransient(e)) {
                throw e;
            }
            pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), MAX_PAUSE);
            notBeforeNanos = System.nanoTime() + pause.toNanos();
            if (!away) {
                away = true;
                LOG.warn(
                        "Job {}: the database is unreachable ({}); keeping its log lines and progress in memory "
                                + "and trying again",
                        lease.jobId(),
                        e.getMessage());
            }
            return false;
        }
        if (away) {
            away = false;
            LOG.info(
                    "Job {}: the database is back; the log lines and progress kept meanwhile are written",
                    lease.jobId());
        }
        pause = Duration.ZERO;
        return true;
    }

    /** How long the caller should wait before forcing the next try. */
    synchronized Duration pause() {
        return pause.isZero() ? FIRST_PAUSE : pause;
    }

    private void writeLines() {
        while (!lines.isEmpty() || droppedLines > 0) {
            List<String> batch = new ArrayList<>();
            for (String line : lines) {
                if (batch.size() == LINES_PER_WRITE) {
                    break;
                }
                batch.add(line);
            }
            boolean note = batch.size() < LINES_PER_WRITE && batch.size() == lines.size() && droppedLines > 0;
            if (note) {
                batch.add("[" + droppedLines + " log line(s) dropped: more than " + MAX_BUFFERED_LINES
                        + " were waiting while the database was unreachable]");
            }
            if (!recorder.log(lease, writtenSeq + 1, batch)) {
                throw new LeaseLostException(lease.jobId());
            }
            writtenSeq += batch.size();
            for (int i = note ? batch.size() - 1 : batch.size(); i > 0; i--) {
                lines.removeFirst();
            }
            if (note) {
                droppedLines = 0;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
