package dev.edgeforge.training.augmentation;

import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import java.util.Random;

/**
 * Changes one training sample in place. Implementations keep scratch buffers, so one instance serves one training
 * run (one thread).
 */
public interface Augmenter {

    /** The augmenter that leaves samples unchanged. */
    Augmenter NONE = (values, offset, rng) -> {};

    /**
     * Augments the sample stored at {@code values[offset .. offset + sampleSize)} in channels-last order.
     *
     * @param rng the run's seeded random source; draws from it determine the transform
     */
    void augment(float[] values, int offset, Random rng);

    /** Whether this augmenter changes anything. */
    default boolean isActive() {
        return this != NONE;
    }

    /**
     * The augmenter for features of {@code kind} and {@code shape} with these options.
     *
     * @throws IllegalArgumentException when options for another feature kind are set, or the shape does not fit
     */
    static Augmenter of(FeatureKind kind, TensorShape shape, Augmentation augmentation) {
        if (augmentation == null || augmentation.isNone()) {
            return NONE;
        }
        var problems = augmentation.problemsFor(kind);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return switch (kind) {
            case TIME_SERIES -> new TimeSeriesAugmenter(shape, augmentation.timeSeries());
            case SPECTROGRAM -> new SpectrogramAugmenter(shape, augmentation.spectrogram());
            case IMAGE -> new ImageAugmenter(shape, augmentation.image());
            case FLAT -> NONE;
        };
    }
}
