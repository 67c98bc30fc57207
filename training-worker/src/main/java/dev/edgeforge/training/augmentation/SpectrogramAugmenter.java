package dev.edgeforge.training.augmentation;

import dev.edgeforge.core.learning.SpectrogramAugmentation;
import dev.edgeforge.core.learning.TensorShape;
import java.util.Arrays;
import java.util.Random;

/**
 * A time shift (vacated frames filled with each bin's quietest value), a per-bin offset constant over the sample
 * (scaled by the bin's spread), SpecAugment-style time and frequency masking (bands set to zero) and Gaussian noise
 * on a {@code [frames, bins]} or {@code [frames, bins, channels]} spectrogram, in that order.
 */
public final class SpectrogramAugmenter implements Augmenter {

    private final int frames;
    private final int bins;
    private final int channels;
    private final SpectrogramAugmentation options;
    private final int maxShift;
    private final float[] scratch;
    private final float[] quietest;

    public SpectrogramAugmenter(TensorShape shape, SpectrogramAugmentation options) {
        if (shape.rank() != 2 && shape.rank() != 3) {
            throw new IllegalArgumentException("spectrogram augmentation needs samples of shape [frames, bins] or "
                    + "[frames, bins, channels], got " + shape);
        }
        this.frames = shape.dim(0);
        this.bins = shape.dim(1);
        this.channels = shape.rank() == 3 ? shape.dim(2) : 1;
        this.options = options;
        this.maxShift = (int) Math.floor(options.maxTimeShift() * frames);
        this.scratch = new float[frames * bins * channels];
        this.quietest = new float[bins * channels];
    }

    @Override
    public void augment(float[] values, int offset, Random rng) {
        if (maxShift > 0) {
            shift(values, offset, rng.nextInt(2 * maxShift + 1) - maxShift);
        }
        if (options.binOffset() > 0) {
            offsetBins(values, offset, rng);
        }
        for (int m = 0; m < options.timeMasks(); m++) {
            int width = Math.min(rng.nextInt(options.maxTimeMaskWidth() + 1), frames);
            int start = rng.nextInt(frames - width + 1);
            maskFrames(values, offset, start, width);
        }
        for (int m = 0; m < options.frequencyMasks(); m++) {
            int width = Math.min(rng.nextInt(options.maxFrequencyMaskWidth() + 1), bins);
            int start = rng.nextInt(bins - width + 1);
            maskBins(values, offset, start, width);
        }
        if (options.noiseStd() > 0) {
            int size = frames * bins * channels;
            for (int i = 0; i < size; i++) {
                values[offset + i] += (float) (rng.nextGaussian() * options.noiseStd());
            }
        }
    }

    /** Moves the frames {@code shift} frames later (earlier when negative); vacated frames get each bin's minimum. */
    void shift(float[] values, int offset, int shift) {
        if (shift == 0) {
            return;
        }
        int rowSize = bins * channels;
        System.arraycopy(values, offset, scratch, 0, scratch.length);
        Arrays.fill(quietest, Float.POSITIVE_INFINITY);
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < rowSize; i++) {
                quietest[i] = Math.min(quietest[i], scratch[f * rowSize + i]);
            }
        }
        for (int f = 0; f < frames; f++) {
            int source = f - shift;
            if (source >= 0 && source < frames) {
                System.arraycopy(scratch, source * rowSize, values, offset + f * rowSize, rowSize);
            } else {
                System.arraycopy(quietest, 0, values, offset + f * rowSize, rowSize);
            }
        }
    }

    /**
     * Adds to each bin one Gaussian offset of standard deviation {@code binOffset} times the bin's standard deviation
     * over the frames: a constant colouring of the whole recording, which per-recording differences (microphone,
     * room, voice) cause and which the model should not take for the class.
     */
    void offsetBins(float[] values, int offset, Random rng) {
        int rowSize = bins * channels;
        for (int i = 0; i < rowSize; i++) {
            double sum = 0;
            double squares = 0;
            for (int f = 0; f < frames; f++) {
                double v = values[offset + f * rowSize + i];
                sum += v;
                squares += v * v;
            }
            double mean = sum / frames;
            double spread = Math.sqrt(Math.max(0, squares / frames - mean * mean));
            float shift = (float) (rng.nextGaussian() * options.binOffset() * spread);
            for (int f = 0; f < frames; f++) {
                values[offset + f * rowSize + i] += shift;
            }
        }
    }

    void maskFrames(float[] values, int offset, int start, int width) {
        int rowSize = bins * channels;
        Arrays.fill(values, offset + start * rowSize, offset + (start + width) * rowSize, 0f);
    }

    void maskBins(float[] values, int offset, int start, int width) {
        for (int f = 0; f < frames; f++) {
            int from = offset + (f * bins + start) * channels;
            Arrays.fill(values, from, from + width * channels, 0f);
        }
    }
}
