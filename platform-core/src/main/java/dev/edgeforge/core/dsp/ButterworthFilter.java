package dev.edgeforge.core.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * A digital Butterworth low- or high-pass filter as a cascade of second-order sections, designed by the bilinear
 * transform with the cut-off pre-warped (so the −3 dB point lands exactly on the cut-off). An analog Butterworth of
 * order n has its poles on the unit circle at angles {@code φ_k = π(n−1−2k)/(2n)}, {@code k < n/2}, from the negative
 * real axis; each
 * conjugate pair becomes one biquad with {@code Q = 1/(2·cos φ_k)} (the RBJ cookbook formulas are exactly that
 * transform); an odd order adds a first-order section for the real pole.
 *
 * <p>Each section is {@code {b0, b1, b2, a1, a2}} with {@code a0 = 1}. Filtering runs in <b>float32</b>, direct form
 * II transposed, state starting at zero, in exactly the operation order of the C twin
 * ({@code ef_dsp_spectral.c}): an IIR filter feeds its rounding errors back, and doing the same float operations on
 * both sides keeps the two bit-for-bit equal instead of drifting apart in the stop band.
 */
public final class ButterworthFilter {

    private final float[][] sections;

    private ButterworthFilter(float[][] sections) {
        this.sections = sections;
    }

    /**
     * Designs the filter; the caller has checked {@code 0 < cutoffHz < frequencyHz/2} and {@code order >= 1}.
     *
     * @param type must be {@link FilterType#LOW} or {@link FilterType#HIGH}
     */
    public static ButterworthFilter design(FilterType type, int order, double cutoffHz, double frequencyHz) {
        if (type == FilterType.NONE) {
            throw new IllegalArgumentException("no filter to design for filter type none");
        }
        boolean low = type == FilterType.LOW;
        double w0 = 2 * Math.PI * cutoffHz / frequencyHz;
        double cos = Math.cos(w0);
        double sin = Math.sin(w0);
        List<float[]> sections = new ArrayList<>();
        for (int k = 0; k < order / 2; k++) {
            double phi = Math.PI * (order - 1 - 2 * k) / (2.0 * order);
            double q = 1.0 / (2.0 * Math.cos(phi));
            double alpha = sin / (2 * q);
            double a0 = 1 + alpha;
            double b0 = low ? (1 - cos) / 2 : (1 + cos) / 2;
            double b1 = low ? 1 - cos : -(1 + cos);
            sections.add(section(b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0));
        }
        if (order % 2 == 1) {
            double t = Math.tan(w0 / 2);
            double a1 = (t - 1) / (t + 1);
            double b0 = low ? t / (1 + t) : 1 / (1 + t);
            sections.add(section(b0, low ? b0 : -b0, 0, a1, 0));
        }
        return new ButterworthFilter(sections.toArray(new float[0][]));
    }

    private static float[] section(double b0, double b1, double b2, double a1, double a2) {
        return new float[] {(float) b0, (float) b1, (float) b2, (float) a1, (float) a2};
    }

    public int sectionCount() {
        return sections.length;
    }

    /** All coefficients, five per section ({@code b0 b1 b2 a1 a2}), as the C twin reads them. */
    public float[] coefficients() {
        float[] flat = new float[sections.length * 5];
        for (int s = 0; s < sections.length; s++) {
            System.arraycopy(sections[s], 0, flat, s * 5, 5);
        }
        return flat;
    }

    /** Filters {@code x} in place, in float32 (see the class comment for why). */
    public void filterInPlace(float[] x) {
        for (float[] c : sections) {
            float b0 = c[0];
            float b1 = c[1];
            float b2 = c[2];
            float a1 = c[3];
            float a2 = c[4];
            float s1 = 0f;
            float s2 = 0f;
            for (int n = 0; n < x.length; n++) {
                float in = x[n];
                float y = b0 * in + s1;
                s1 = b1 * in - a1 * y + s2;
                s2 = b2 * in - a2 * y;
                x[n] = y;
            }
        }
    }

    /** Magnitude of the frequency response at {@code hz}, from the float coefficients. */
    public double magnitudeAt(double hz, double frequencyHz) {
        double w = 2 * Math.PI * hz / frequencyHz;
        double gain = 1;
        for (float[] c : sections) {
            // H(e^jw) = (b0 + b1 e^-jw + b2 e^-2jw) / (1 + a1 e^-jw + a2 e^-2jw)
            double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
            double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
            double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
            double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
            gain *= Math.hypot(nr, ni) / Math.hypot(dr, di);
        }
        return gain;
    }
}
