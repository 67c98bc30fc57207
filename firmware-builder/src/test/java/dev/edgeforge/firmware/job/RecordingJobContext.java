package dev.edgeforge.firmware.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.JobContext;

/**
 * A {@link JobContext} that records what a handler reports, for handler tests without a queue. {@link #cancel()}
 * does what the worker does on a cancel request: flags the run and interrupts the handler's thread.
 */
final class RecordingJobContext implements JobContext {

    private final UUID jobId = UUID.randomUUID();
    private final UUID projectId;
    private final String payload;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Double> progress = new CopyOnWriteArrayList<>();
    private volatile String result;
    private volatile boolean cancelRequested;
    private volatile Thread handlerThread;
    private volatile Consumer<String> onLog = line -> { };

    RecordingJobContext(UUID projectId, String payload) {
        this.projectId = projectId;
        this.payload = payload;
    }

    /** Called with every log line as it is written (on the handler's thread). */
    RecordingJobContext onLog(Consumer<String> listener) {
        this.onLog = listener;
        return this;
    }

    /** Marks the thread the handler runs on, so {@link #cancel()} can interrupt it. */
    void runningOn(Thread thread) {
        this.handlerThread = thread;
    }

    void cancel() {
        cancelRequested = true;
        Thread thread = handlerThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    List<String> lines() {
        return new ArrayList<>(lines);
    }

    String log() {
        return String.join("\n", lines);
    }

    List<Double> progressValues() {
        return new ArrayList<>(progress);
    }

    String resultJson() {
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
        return DeployJobHandler.TYPE;
    }

    @Override
    public String payload() {
        return payload;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public int maxAttempts() {
        return 1;
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
        return cancelRequested;
    }

    @Override
    public void throwIfCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException("cancelled");
        }
    }
}
