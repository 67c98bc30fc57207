package dev.edgeforge.training.compress;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.JobContext;

/** A job context without a queue: records what a handler reports. */
class RecordingContext implements JobContext {

    final UUID jobId = UUID.randomUUID();
    final UUID projectId;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Double> progress = new CopyOnWriteArrayList<>();
    private final String type;
    private final String payload;
    private final int attempt;
    private final BooleanSupplier cancelled;
    volatile String result;

    RecordingContext(UUID projectId, String type, String payload, int attempt, BooleanSupplier cancelled) {
        this.projectId = projectId;
        this.type = type;
        this.payload = payload;
        this.attempt = attempt;
        this.cancelled = cancelled;
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
        return 3;
    }

    @Override
    public void progress(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("progress " + fraction);
        }
        progress.add(fraction);
    }

    @Override
    public void log(String line) {
        lines.add(line);
    }

    @Override
    public void result(String json) {
        result = json;
    }

    @Override
    public boolean isCancelRequested() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void throwIfCancelled() {
        if (isCancelRequested()) {
            throw new JobCancelledException("job " + jobId + " cancelled");
        }
    }
}
