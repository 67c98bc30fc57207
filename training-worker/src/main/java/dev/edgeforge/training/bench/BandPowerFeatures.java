package dev.edgeforge.training.bench;

/**
 * Simple spectral features per axis, standing in for the spectral-analysis DSP block: the RMS of the mean-removed
 * signal and the log10 mean power in 10 frequency bands of a Hann-windowed 128-point DFT. Band edges are DFT bins
 * 1, 2, 3, 4, 6, 8, 11, 16, 23, 32 and 64 (about 0.5 Hz wide at the bottom, where gestures live, at 62.5 Hz).
 * 11 features per axis.
 */
final class BandPowerFeatures implements FeatureExtractor {

    static final int FFT_LENGTH = 128;
    private static final int[] BAND_EDGES = {1, 2, 3, 4, 6, 8, 11, 16, 23, 32, 64};
    private static final int FEATURES_PER_AXIS = BAND_EDGES.length;   // RMS + (edges - 1) bands

    private final int samples;
    private final int axes;
    private final double[] hann;
    private final double[][] cos;
    private final double[][] sin;

    BandPowerFeatures(int samples, int axes) {
        if (samples > FFT_LENGTH) {
            throw new IllegalArgumentException("windows of at most " + FFT_LENGTH + " samples, got " + samples);
        }
        this.samples = samples;
        this.axes = axes;
        this.hann = new double[samples];
        for (int t = 0; t < samples; t++) {
            hann[t] = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / (samples - 1));
        }
        int bins = FFT_LENGTH / 2 + 1;
        this.cos = new double[bins][samples];
        this.sin = new double[bins][samples];
        for (int k = 0; k < bins; k++) {
            for (int t = 0; t < samples; t++) {
                cos[k][t] = Math.cos(2 * Math.PI * k * t / FFT_LENGTH);
                sin[k][t] = Math.sin(2 * Math.PI * k * t / FFT_LENGTH);
            }
        }
    }

    @Override
    public int featureCount() {
        return axes * FEATURES_PER_AXIS;
    }

    @Override
    public float[] extract(float[] window) {
        if (window.length != samples * axes) {
            throw new IllegalArgumentException("a window needs " + samples * axes + " values, got " + window.length);
        }
        float[] features = new float[featureCount()];
        double[] signal = new double[samples];
        double[] power = new double[FFT_LENGTH / 2 + 1];
        for (int axis = 0; axis < axes; axis++) {
            double mean = 0;
            for (int t = 0; t < samples; t++) {
                mean += window[t * axes + axis];
            }
            mean /= samples;
            double squares = 0;
            for (int t = 0; t < samples; t++) {
                double v = window[t * axes + axis] - mean;
                squares += v * v;
                signal[t] = v * hann[t];
            }
            for (int k = 1; k < power.length; k++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < samples; t++) {
                    re += signal[t] * cos[k][t];
                    im -= signal[t] * sin[k][t];
                }
                power[k] = (re * re + im * im) / samples;
            }
            int base = axis * FEATURES_PER_AXIS;
            features[base] = (float) Math.sqrt(squares / samples);
            for (int band = 0; band < BAND_EDGES.length - 1; band++) {
                double sum = 0;
                for (int k = BAND_EDGES[band]; k < BAND_EDGES[band + 1]; k++) {
                    sum += power[k];
                }
                double meanPower = sum / (BAND_EDGES[band + 1] - BAND_EDGES[band]);
                features[base + 1 + band] = (float) Math.log10(meanPower + 1e-6);
            }
        }
        return features;
    }
}
