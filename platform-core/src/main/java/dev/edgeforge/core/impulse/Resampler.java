package dev.edgeforge.core.impulse;

/**
 * Band-limited resampling of one axis from one rate to another: each output sample at time {@code j / to} is the
 * input convolved with a Hann-windowed sinc centred on it, reaching {@value #ZERO_CROSSINGS} zero crossings each
 * side. The sinc's cut-off is the lower of the two Nyquist frequencies, so downsampling filters out what would
 * alias and upsampling interpolates smoothly. Past the ends the first and last samples are repeated; the kernel
 * weights are normalised to sum to 1 so constant signals stay exactly constant. The output has
 * {@code round(n · to / from)} samples (at least one).
 *
 * <p>This runs on the server only: devices sample at the impulse's rate, so there is no C twin.
 */
public final class Resampler {

    /** Half-width of the kernel in zero crossings of the sinc. */
    public static final int ZERO_CROSSINGS = 16;

    private Resampler() {}

    /** Whether two rates differ enough to need resampling (more than 1 part per million). */
    public static boolean needed(double fromHz, double toHz) {
        return Math.abs(fromHz - toHz) > 1e-6 * toHz;
    }

    public static float[] resample(float[] x, double fromHz, double toHz) {
        if (!(fromHz > 0) || !(toHz > 0)) {
            throw new IllegalArgumentException("frequencies must be positive, got " + fromHz + " → " + toHz);
        }
        if (x.length == 0 || !needed(fromHz, toHz)) {
            return x.clone();
        }
        int n = x.length;
        int m = Math.max(1, (int) Math.round(n * toHz / fromHz));
        double ratio = fromHz / toHz; // input samples per output sample
        double cutoff = Math.min(1.0, toHz / fromHz); // fraction of the input Nyquist kept
        double halfWidth = ZERO_CROSSINGS / cutoff; // in input samples
        float[] y = new float[m];
        for (int j = 0; j < m; j++) {
            double centre = j * ratio;
            int first = (int) Math.ceil(centre - halfWidth);
            int last = (int) Math.floor(centre + halfWidth);
            double sum = 0;
            double weights = 0;
            for (int i = first; i <= last; i++) {
                double t = i - centre;
                double w = cutoff * sinc(cutoff * t) * (0.5 + 0.5 * Math.cos(Math.PI * t / halfWidth));
                sum += w * x[Math.max(0, Math.min(n - 1, i))];
                weights += w;
            }
            y[j] = (float) (sum / weights);
        }
        return y;
    }

    private static double sinc(double t) {
        if (Math.abs(t) < 1e-12) {
            return 1;
        }
        double a = Math.PI * t;
        return Math.sin(a) / a;
    }
}
