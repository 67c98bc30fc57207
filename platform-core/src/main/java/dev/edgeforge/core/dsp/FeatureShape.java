package dev.edgeforge.core.dsp;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of a block's output. {@code dims} is {@code [length]} for flat feature vectors, {@code [frames, bins]}
 * for spectrogram-like outputs (row-major: frame after frame) and {@code [height, width, channels]} for images, so a
 * learning block can put 2D convolutions on them.
 *
 * @param dims the dimensions, outermost first
 */
public record FeatureShape(List<Integer> dims) {

    public FeatureShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("feature dimensions must be positive, got " + dims);
        }
    }

    public static FeatureShape of(int... dims) {
        return new FeatureShape(Arrays.stream(dims).boxed().toList());
    }

    /** Total number of features (the product of the dimensions). */
    public int length() {
        int n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
