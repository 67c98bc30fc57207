package dev.edgeforge.core.dsp;

/**
 * Mean, extremes and central moments of one axis, computed in float32 with exactly the operations, in the same
 * order, as the C twin ({@code ef_dsp_flatten.c}). Skewness and kurtosis are ill-conditioned for an axis whose
 * spread is tiny next to its offset (a still accelerometer: 9.81 ± 0.02): there the float32 rounding of the mean
 * alone moves them by 1e-3, so the server computes what the device computes instead of a "more exact" value the
 * device cannot reproduce. They are defined as 0 for a flat axis (stdev at most {@link #FLAT_RELATIVE} of the
 * largest magnitude).
 */
record Moments(float mean, float min, float max, float rms, float stdev, float skewness, float kurtosis) {

    /** At or below this ratio of stdev to peak magnitude, an axis counts as flat. */
    static final float FLAT_RELATIVE = 1e-5f;

    static Moments of(float[] x, float scale) {
        int n = x.length;
        float count = n;
        float sum = 0f;
        float sumSq = 0f;
        float min = x[0] * scale;
        float max = min;
        for (float v : x) {
            float s = v * scale;
            sum += s;
            sumSq += s * s;
            min = s < min ? s : min;
            max = s > max ? s : max;
        }
        float mean = sum / count;
        float m2 = 0f;
        float m3 = 0f;
        float m4 = 0f;
        for (float v : x) {
            float d = v * scale - mean;
            float d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= count;
        m3 /= count;
        m4 /= count;
        float stdev = (float) Math.sqrt(m2);
        float peak = Math.abs(min) > Math.abs(max) ? Math.abs(min) : Math.abs(max);
        boolean flat = stdev <= FLAT_RELATIVE * peak || m2 == 0f;
        float skew = flat ? 0f : m3 / m2 / stdev;
        float kurt = flat ? 0f : m4 / m2 / m2 - 3f;
        return new Moments(mean, min, max, (float) Math.sqrt(sumSq / count), stdev, skew, kurt);
    }
}
