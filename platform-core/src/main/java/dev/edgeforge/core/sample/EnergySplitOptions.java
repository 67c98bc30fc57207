package dev.edgeforge.core.sample;

/**
 * How {@link SampleSplitter#aboveEnergy} finds the loud parts of a sample.
 *
 * <p>The sample is cut into consecutive frames of {@code frameMs} (the last one may be shorter). A frame is
 * <em>active</em> when its RMS over every value of every axis is at least {@code thresholdRms} (in the sample's
 * own units; for 16-bit audio on the int16 scale, e.g. 1000). Each run of consecutive active frames is an event.
 * Events shorter than {@code minSegmentMs} are dropped (so short clicks do not become samples); the others are
 * widened by {@code paddingMs} on each side, clamped to the sample; events whose padded ranges touch or overlap are
 * merged into one segment.
 *
 * @param frameMs      frame length for the RMS, &gt; 0 (rounded to whole values, at least one)
 * @param thresholdRms RMS at or above which a frame is active, finite and &ge; 0
 * @param minSegmentMs shortest event kept, measured before padding, &ge; 0
 * @param paddingMs    added before and after each event, &ge; 0
 */
public record EnergySplitOptions(double frameMs, double thresholdRms, double minSegmentMs, double paddingMs) {

    public EnergySplitOptions {
        if (!(frameMs > 0) || !Double.isFinite(frameMs)) {
            throw new SampleDataViolation("frame length " + frameMs + " ms is not a positive number");
        }
        if (!(thresholdRms >= 0) || !Double.isFinite(thresholdRms)) {
            throw new SampleDataViolation("threshold " + thresholdRms + " is not a finite number >= 0");
        }
        if (!(minSegmentMs >= 0) || !Double.isFinite(minSegmentMs)) {
            throw new SampleDataViolation("minimum segment length " + minSegmentMs + " ms is not >= 0");
        }
        if (!(paddingMs >= 0) || !Double.isFinite(paddingMs)) {
            throw new SampleDataViolation("padding " + paddingMs + " ms is not >= 0");
        }
    }

    /** 20 ms frames, no minimum length and no padding. */
    public static EnergySplitOptions ofThreshold(double thresholdRms) {
        return new EnergySplitOptions(20, thresholdRms, 0, 0);
    }
}
