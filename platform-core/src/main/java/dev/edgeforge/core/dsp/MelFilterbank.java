package dev.edgeforge.core.dsp;

/**
 * Triangular mel filters over the bins of a power spectrum, built as SpeechPy (and so Edge Impulse) builds them:
 * {@code filterCount + 2} points evenly spaced on the mel scale ({@code 2595·log10(1 + f/700)}) between the low and
 * high frequency, each mapped to the FFT bin {@code ⌊(fftLength + 1)·f / fs⌋}; filter {@code i} rises linearly from
 * point {@code i} to a peak of 1 at point {@code i+1} and falls to 0 at point {@code i+2}. With coarse FFTs adjacent
 * points can share a bin, which makes narrow or even empty low filters: that is the reference behaviour, kept so
 * features match, and the noise floor / log floor of the blocks absorbs empty filters.
 *
 * <p>Filter {@code i} has non-zero weights only on bins {@code start(i) .. start(i)+weights(i).length-1}.
 */
public final class MelFilterbank {

    private final int fftLength;
    private final int[] starts;
    private final double[][] weights;

    private MelFilterbank(int fftLength, int[] starts, double[][] weights) {
        this.fftLength = fftLength;
        this.starts = starts;
        this.weights = weights;
    }

    /** Mel value of a frequency in Hz. */
    public static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    /** Frequency in Hz of a mel value. */
    public static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /** Builds the filters; the caller has checked {@code 0 <= low < high <= fs/2} and {@code filterCount >= 1}. */
    public static MelFilterbank create(
            int filterCount, int fftLength, double frequencyHz, double lowHz, double highHz) {
        int lastBin = fftLength / 2;
        double lowMel = hzToMel(lowHz);
        double highMel = hzToMel(highHz);
        int[] bins = new int[filterCount + 2];
        for (int i = 0; i < bins.length; i++) {
            double hz = melToHz(lowMel + (highMel - lowMel) * i / (filterCount + 1));
            bins[i] = Math.min(lastBin, (int) Math.floor((fftLength + 1) * hz / frequencyHz));
        }
        int[] starts = new int[filterCount];
        double[][] weights = new double[filterCount][];
        for (int i = 0; i < filterCount; i++) {
            int left = bins[i];
            int middle = bins[i + 1];
            int right = bins[i + 2];
            // Non-zero weights sit strictly between left and right (the peak at `middle` included).
            int start = left + 1;
            int length = Math.max(0, right - left - 1);
            double[] w = new double[length];
            for (int j = 0; j < length; j++) {
                int k = start + j;
                w[j] = k <= middle ? (double) (k - left) / (middle - left) : (double) (right - k) / (right - middle);
            }
            starts[i] = start;
            weights[i] = w;
        }
        return new MelFilterbank(fftLength, starts, weights);
    }

    public int filterCount() {
        return starts.length;
    }

    public int fftLength() {
        return fftLength;
    }

    /** First bin with a non-zero weight in filter {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /** The non-zero weights of filter {@code i}, from bin {@link #start(int)} on (possibly empty). */
    public double[] weights(int i) {
        return weights[i].clone();
    }

    /** Total number of non-zero weights over all filters. */
    public int weightCount() {
        int n = 0;
        for (double[] w : weights) {
            n += w.length;
        }
        return n;
    }

    /** Filter energies of one power spectrum. */
    void apply(double[] power, double[] energies) {
        for (int i = 0; i < starts.length; i++) {
            double sum = 0;
            double[] w = weights[i];
            for (int j = 0; j < w.length; j++) {
                sum += w[j] * power[starts[i] + j];
            }
            energies[i] = sum;
        }
    }
}
