package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The taper applied to each frame before its FFT. */
public enum WindowFunction {
    /** No taper (all ones). */
    @JsonProperty("rectangular")
    RECTANGULAR,
    /** Symmetric Hamming: {@code 0.54 − 0.46·cos(2πn/(M−1))}. */
    @JsonProperty("hamming")
    HAMMING,
    /** Symmetric Hann: {@code 0.5 − 0.5·cos(2πn/(M−1))}. */
    @JsonProperty("hann")
    HANN;

    /** The {@code length} coefficients of this window. */
    public double[] coefficients(int length) {
        double[] w = new double[length];
        for (int n = 0; n < length; n++) {
            double phase = length == 1 ? 0 : 2 * Math.PI * n / (length - 1);
            w[n] = switch (this) {
                case RECTANGULAR -> 1.0;
                case HAMMING -> 0.54 - 0.46 * Math.cos(phase);
                case HANN -> 0.5 - 0.5 * Math.cos(phase);
            };
        }
        return w;
    }
}
