package dev.edgeforge.training.bench;

/**
 * Turns one window ({@code [time, axes]}, channels last) into a feature vector. The hook where the benchmark's
 * stand-in spectral features ({@link BandPowerFeatures}) give way to the DSP block's spectral analysis.
 *
 * <p>TODO(#4): wire the DSP helper's spectral-analysis block here once it is merged, so the benchmark measures the
 * features users train on.
 */
interface FeatureExtractor {

    /** Number of features per window. */
    int featureCount();

    /** The features of one window. */
    float[] extract(float[] window);
}
