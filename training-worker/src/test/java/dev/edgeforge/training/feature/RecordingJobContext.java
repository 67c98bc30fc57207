package dev.edgeforge.training.feature;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.jobs.feature.FeatureJobPayload;

/** A job context that records what the handler reports; cancel is asked for once a condition on it holds. */
final class RecordingJobContext implements JobContext {

    private final UUID jobId = UUID.randomUUID();
    private final UUID projectId;
    private final String payload;
    private final Predicate<RecordingJobContext> cancelWhen;
    final List<String> logs = new CopyOnWriteArrayList<>();
    final List<Double> progress = new CopyOnWriteArrayList<>();
    volatile String result;

    RecordingJobContext(UUID projectId, String payload) {
        this(projectId, payload, context -> false);
    }

    RecordingJobContext(UUID projectId, String payload, Predicate<RecordingJobContext> cancelWhen) {
        this.projectId = projectId;
        this.payload = payload;
        this.cancelWhen = cancelWhen;
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
        return FeatureJobPayload.JOB_TYPE;
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
        logs.add(line);
    }

    @Override
    public void result(String json) {
        result = json;
    }

    @Override
    public boolean isCancelRequested() {
        return cancelWhen.test(this);
    }

    @Override
    public void throwIfCancelled() {
        if (isCancelRequested()) {
            throw new JobCancelledException("cancelled");
        }
    }
}
