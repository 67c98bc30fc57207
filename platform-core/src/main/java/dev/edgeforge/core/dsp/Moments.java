package dev.edgeforge.core.dsp;

/**
 * Mean, extremes and central moments of one axis, in double. Skewness and kurtosis of a (near-)constant axis are
 * defined as 0: when the standard deviation is at most {@link #FLAT_RELATIVE} of the largest magnitude, what is left
 * is rounding noise, and float and double would disagree about its shape.
 */
record Moments(double mean, double min, double max, double rms, double stdev, double skewness, double kurtosis) {

    /** Below this ratio of stdev to peak magnitude, an axis counts as flat. */
    static final double FLAT_RELATIVE = 1e-5;

    static Moments of(float[] x, double scale) {
        int n = x.length;
        double sum = 0;
        double sumSq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            double s = v * scale;
            sum += s;
            sumSq += s * s;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (float v : x) {
            double d = v * scale - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double stdev = Math.sqrt(m2);
        double peak = Math.max(Math.abs(min), Math.abs(max));
        boolean flat = stdev <= FLAT_RELATIVE * peak || m2 == 0;
        double skew = flat ? 0 : m3 / (m2 * stdev);
        double kurt = flat ? 0 : m4 / (m2 * m2) - 3;
        return new Moments(mean, min, max, Math.sqrt(sumSq / n), stdev, skew, kurt);
    }
}
