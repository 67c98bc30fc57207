package dev.edgeforge.training.trainer;

/**
 * Independent seeds derived from the run's one seed, so that e.g. changing the number of epochs does not change the
 * validation split. SplitMix64 finalizer over the seed and a stream number.
 */
final class Seeds {

    static final int SPLIT = 1;
    static final int SHUFFLE = 2;
    static final int AUGMENTATION = 3;
    static final int ENGINE = 4;

    private Seeds() {}

    static long derive(long seed, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
