package dev.edgeforge.core.dsp;

import java.util.Arrays;

/**
 * The front end shared by the audio blocks (MFE, MFCC, spectrogram): scale to full scale, optional pre-emphasis,
 * framing, optional taper, power spectrum per frame.
 *
 * <p>Audio sample values are int16 counts, as Edge Impulse's acquisition format and 16-bit PCM WAV files carry them;
 * they are divided by {@link #AUDIO_FULL_SCALE} so that noise floors read as dB full scale (0 dB is a full-scale
 * signal). Pre-emphasis is {@code y[n] = x[n] − c·x[n−1]} with {@code y[0] = x[0]} (no wrap-around).
 */
final class FrameSpectra {

    /** int16 full scale: audio counts are divided by this. */
    static final double AUDIO_FULL_SCALE = 32768.0;

    /** Receives the power spectrum of each frame, in order; the array is reused between frames. */
    interface FrameConsumer {
        void accept(int frame, double[] power);
    }

    private FrameSpectra() {}

    /**
     * Runs {@code consumer} on the power spectrum ({@code |X|²/fftLength}, bins 0..fftLength/2) of every frame.
     *
     * @param window taper of {@code layout.fftInputLength()} coefficients, or null for none
     */
    static void forEachFrame(
            float[] signal,
            FrameLayout layout,
            double preEmphasis,
            double[] window,
            PowerSpectrum spectrum,
            FrameConsumer consumer) {
        double[] buffer = new double[layout.fftLength()];
        double[] power = new double[layout.binCount()];
        for (int f = 0; f < layout.frameCount(); f++) {
            int start = f * layout.frameStride();
            Arrays.fill(buffer, 0.0);
            for (int j = 0; j < layout.fftInputLength(); j++) {
                int i = start + j;
                double v = signal[i] / AUDIO_FULL_SCALE;
                if (preEmphasis != 0 && i > 0) {
                    v -= preEmphasis * (signal[i - 1] / AUDIO_FULL_SCALE);
                }
                buffer[j] = window == null ? v : v * window[j];
            }
            spectrum.compute(buffer, power);
            consumer.accept(f, power);
        }
    }

    /** The transform for a valid FFT length (a power of two of at least 16); null otherwise, which check reports. */
    static PowerSpectrum spectrum(int fftLength) {
        return Integer.bitCount(fftLength) == 1 && fftLength >= 16 ? new PowerSpectrum(fftLength) : null;
    }

    /**
     * Edge Impulse's normalisation of a power: {@code clip((10·log10(max(p, 1e-30)) − floor) / (12 − floor), 0, 1)},
     * the noise floor mapping to 0 and +12 dB full scale to 1.
     */
    static double normalisedDb(double power, double noiseFloorDb) {
        double db = 10 * Math.log10(Math.max(power, 1e-30));
        return Math.min(1, Math.max(0, (db - noiseFloorDb) / (12 - noiseFloorDb)));
    }

    /** Operations of the front end for one window (see {@link CostEstimate}). */
    static long operations(FrameLayout layout, boolean preEmphasis, boolean window) {
        long perSample = 1 + (preEmphasis ? 3 : 0) + (window ? 1 : 0);
        return layout.frameCount()
                * (perSample * layout.fftInputLength() + CostEstimate.realFftOperations(layout.fftLength()));
    }

    /** Bytes of the FFT tables the C twin keeps in flash: twiddles (float) and the bit-reversal table (uint16). */
    static long fftTableBytes(int fftLength) {
        return 4L * fftLength + 2L * (fftLength / 2);
    }

    /** Checks the audio-rate settings shared by the mel blocks. */
    static void checkMelRange(
            Checks checks, int filterCount, int fftLength, double low, double high, SignalShape input) {
        checks.require(filterCount >= 1, "filterCount", "needs at least one filter, got " + filterCount);
        checks.require(filterCount <= 512, "filterCount", filterCount + " filters is more than 512");
        checks.finite(low, "lowFrequency").finite(high, "highFrequency");
        checks.require(low >= 0, "lowFrequency", "must not be negative, got " + low + " Hz");
        checks.require(high >= 0, "highFrequency", "must not be negative (0 means Nyquist), got " + high + " Hz");
        if (input.frequencyHz() > 0 && !input.isImage()) {
            double nyquist = input.nyquistHz();
            checks.require(
                    high <= nyquist,
                    "highFrequency",
                    high + " Hz is above Nyquist (" + nyquist + " Hz at " + input.frequencyHz() + " Hz sampling)");
            checks.require(
                    low < effectiveHigh(high, input),
                    "lowFrequency",
                    low + " Hz must be below the high frequency (" + effectiveHigh(high, input) + " Hz)");
            if (filterCount > fftLength / 2) {
                checks.fail(
                        "filterCount",
                        filterCount + " filters cannot fit in the " + (fftLength / 2 + 1) + " bins of a " + fftLength
                                + "-point FFT");
            }
        }
    }

    static double effectiveHigh(double high, SignalShape input) {
        return high == 0 ? input.nyquistHz() : high;
    }
}
