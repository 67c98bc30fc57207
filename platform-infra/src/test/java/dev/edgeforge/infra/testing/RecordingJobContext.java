package dev.edgeforge.infra.testing;

import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link JobContext} without a queue, for job handler tests: it records the log lines, progress and result a
 * handler reports. A cancel is asked for once {@link #cancelWhen} holds, or after {@link #cancel()}, which does what
 * the worker does on a cancel request: flags the run and interrupts the handler's thread.
 */
public final class RecordingJobContext implements JobContext {

    private UUID jobId = UUID.randomUUID();
    private final UUID projectId;
    private final String type;
    private final String payload;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Double> progress = new CopyOnWriteArrayList<>();
    private int attempt = 1;
    private int maxAttempts = 3;
    private Predicate<RecordingJobContext> cancelWhen = context -> false;
    private volatile Consumer<String> onLog = line -> {};
    private volatile String result;
    private volatile boolean cancelRequested;
    private volatile Thread handlerThread;

    /** A first attempt of three of a {@code type} job of {@code projectId} with {@code payload}. */
    public RecordingJobContext(UUID projectId, String type, String payload) {
        this.projectId = projectId;
        this.type = Objects.requireNonNull(type, "type");
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /** Another attempt of the job {@code jobId} (a new random id otherwise). */
    public RecordingJobContext job(UUID jobId) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        return this;
    }

    /** Which run this is (1 for the first) out of how many. */
    public RecordingJobContext attempt(int attempt, int maxAttempts) {
        if (attempt < 1 || attempt > maxAttempts) {
            throw new IllegalArgumentException("attempt " + attempt + " of " + maxAttempts);
        }
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        return this;
    }

    /** Asks for a cancel whenever {@code condition} holds on what was recorded so far. */
    public RecordingJobContext cancelWhen(Predicate<RecordingJobContext> condition) {
        this.cancelWhen = Objects.requireNonNull(condition, "condition");
        return this;
    }

    /** Called with every log line as it is written (on the handler's thread). */
    public RecordingJobContext onLog(Consumer<String> listener) {
        this.onLog = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Marks the thread the handler runs on, so {@link #cancel()} can interrupt it. */
    public void runningOn(Thread thread) {
        this.handlerThread = thread;
    }

    /** Requests a cancel as the worker does: the flag, and an interrupt of the handler's thread. */
    public void cancel() {
        cancelRequested = true;
        Thread thread = handlerThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The log lines so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The log so far, one line per line. */
    public String log() {
        return String.join("\n", lines);
    }

    /** Every progress value reported, in order. */
    public List<Double> progressValues() {
        return new ArrayList<>(progress);
    }

    /** The result JSON, or {@code null} when none was stored. */
    public String resultJson() {
        return result;
    }

    @Override
    public UUID jobId() {
        return jobId;
    }

    @Override
    public UUID projectId() {
        return projectId;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String payload() {
        return payload;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public void progress(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("progress must be between 0 and 1, was " + fraction);
        }
        progress.add(fraction);
    }

    @Override
    public void log(String text) {
        // a text with line breaks becomes several lines, as in the real queue
        for (String line : text.split("\n", -1)) {
            lines.add(line);
            onLog.accept(line);
        }
    }

    @Override
    public void result(String json) {
        this.result = json;
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested || cancelWhen.test(this);
    }

    @Override
    public void throwIfCancelled() {
        if (isCancelRequested()) {
            throw new JobCancelledException("job " + jobId + " cancelled");
        }
    }
}
