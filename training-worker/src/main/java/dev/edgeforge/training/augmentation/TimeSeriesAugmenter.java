package dev.edgeforge.training.augmentation;

import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TimeSeriesAugmentation;
import java.util.Random;

/**
 * Time shift (edges filled with the nearest value), per-sample scaling and Gaussian noise on a
 * {@code [time, channels]} window, in that order.
 */
public final class TimeSeriesAugmenter implements Augmenter {

    private final int time;
    private final int channels;
    private final int maxShift;
    private final TimeSeriesAugmentation options;
    private final float[] scratch;

    public TimeSeriesAugmenter(TensorShape shape, TimeSeriesAugmentation options) {
        if (shape.rank() != 2) {
            throw new IllegalArgumentException(
                    "time series augmentation needs samples of shape [time, channels], got " + shape);
        }
        this.time = shape.dim(0);
        this.channels = shape.dim(1);
        this.maxShift = (int) Math.floor(options.maxTimeShift() * time);
        this.options = options;
        this.scratch = new float[time * channels];
    }

    @Override
    public void augment(float[] values, int offset, Random rng) {
        if (maxShift > 0) {
            int shift = rng.nextInt(2 * maxShift + 1) - maxShift;
            shift(values, offset, shift);
        }
        if (options.scaleRange() > 0) {
            float factor = (float) (1 + (rng.nextDouble() * 2 - 1) * options.scaleRange());
            for (int i = 0; i < scratch.length; i++) {
                values[offset + i] *= factor;
            }
        }
        if (options.noiseStd() > 0) {
            for (int i = 0; i < scratch.length; i++) {
                values[offset + i] += (float) (rng.nextGaussian() * options.noiseStd());
            }
        }
    }

    /** Moves the window {@code shift} steps later in time (earlier for negative shifts). */
    void shift(float[] values, int offset, int shift) {
        System.arraycopy(values, offset, scratch, 0, scratch.length);
        for (int t = 0; t < time; t++) {
            int source = Math.min(Math.max(t - shift, 0), time - 1);
            System.arraycopy(scratch, source * channels, values, offset + t * channels, channels);
        }
    }
}
