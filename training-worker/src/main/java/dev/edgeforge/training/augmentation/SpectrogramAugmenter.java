package dev.edgeforge.training.augmentation;

import dev.edgeforge.core.learning.SpectrogramAugmentation;
import dev.edgeforge.core.learning.TensorShape;
import java.util.Arrays;
import java.util.Random;

/**
 * SpecAugment-style time and frequency masking (bands set to zero) followed by Gaussian noise on a
 * {@code [frames, bins]} or {@code [frames, bins, channels]} spectrogram.
 */
public final class SpectrogramAugmenter implements Augmenter {

    private final int frames;
    private final int bins;
    private final int channels;
    private final SpectrogramAugmentation options;

    public SpectrogramAugmenter(TensorShape shape, SpectrogramAugmentation options) {
        if (shape.rank() != 2 && shape.rank() != 3) {
            throw new IllegalArgumentException("spectrogram augmentation needs samples of shape [frames, bins] or "
                    + "[frames, bins, channels], got " + shape);
        }
        this.frames = shape.dim(0);
        this.bins = shape.dim(1);
        this.channels = shape.rank() == 3 ? shape.dim(2) : 1;
        this.options = options;
    }

    @Override
    public void augment(float[] values, int offset, Random rng) {
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
