package dev.edgeforge.training.compress;

import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.training.compression.CompressionListener;
import java.util.Locale;

/**
 * Turns compression stages and epochs into the job's log lines and progress. Stages share the progress bar equally,
 * and epochs move it within their stage; the last {@value #WRITING_SHARE} is left for measuring and writing the
 * variants after the last stage. Called on the compressing thread only.
 */
final class JobCompressionListener implements CompressionListener {

    /** The share of the progress bar kept for writing the files. */
    static final double WRITING_SHARE = 0.05;

    /** Progress is written to the database; epochs of a small network can end many times a second. */
    private static final long MIN_PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final JobContext context;
    private int stageIndex;
    private int stageCount = 1;
    private long lastProgressNanos;

    JobCompressionListener(JobContext context) {
        this.context = context;
    }

    @Override
    public void stageStarted(String stage, int index, int count) {
        stageIndex = index;
        stageCount = count;
        context.log(String.format(Locale.ROOT, "Stage %d/%d: %s", index + 1, count, stage));
        context.progress(scaled(index, 0));
    }

    @Override
    public void epoch(String stage, EpochMetrics metrics) {
        context.log(stage + ": " + metrics.toLogLine());
        long now = System.nanoTime();
        if (now - lastProgressNanos >= MIN_PROGRESS_INTERVAL_NANOS || metrics.epoch() == metrics.epochs()) {
            lastProgressNanos = now;
            context.progress(scaled(stageIndex, (double) metrics.epoch() / Math.max(1, metrics.epochs())));
        }
    }

    private double scaled(int index, double withinStage) {
        double done = (index + Math.min(1, Math.max(0, withinStage))) / stageCount;
        return Math.min(1 - WRITING_SHARE, done * (1 - WRITING_SHARE));
    }
}
