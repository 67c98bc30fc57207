package dev.edgeforge.core.sample;

/**
 * A piece of a longer sample, as produced by {@link SampleSplitter}.
 *
 * @param startIndex first value of the original sample in this segment
 * @param endIndex   one past the last value of the original sample in this segment
 * @param startMs    {@code startIndex * intervalMs}
 * @param endMs      {@code endIndex * intervalMs}
 * @param data       the segment's values (and the original's sensors, device and audio details)
 */
public record SampleSegment(int startIndex, int endIndex, double startMs, double endMs, SampleData data) {}
