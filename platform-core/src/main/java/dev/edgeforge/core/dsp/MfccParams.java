package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * MFCC block: mel energies, natural log, DCT-II, lifter. Defaults as Edge Impulse's MFCC block (13 coefficients,
 * 20 ms frames every 20 ms, 32 filters, FFT 256, 300 Hz to Nyquist, pre-emphasis 0.98), plus a Hamming window and
 * the customary sinusoidal lifter of 22.
 *
 * @param coefficientCount number of cepstral coefficients kept, at most {@code filterCount} (default 13)
 * @param frameLength      frame length in seconds (default 0.02)
 * @param frameStride      frame stride in seconds (default 0.02)
 * @param filterCount      number of mel filters (default 32)
 * @param fftLength        FFT length, a power of two (default 256)
 * @param lowFrequency     lowest filter edge in Hz (default 300)
 * @param highFrequency    highest filter edge in Hz, 0 meaning Nyquist (default 0)
 * @param preEmphasis      pre-emphasis coefficient {@code y[n] = x[n] − c·x[n−1]}, 0 for none, below 1 (default 0.98)
 * @param window           taper of each frame (default hamming)
 * @param lifter           sinusoidal lifter parameter L, 0 for none (default 22)
 */
public record MfccParams(
        int coefficientCount,
        double frameLength,
        double frameStride,
        int filterCount,
        int fftLength,
        double lowFrequency,
        double highFrequency,
        double preEmphasis,
        WindowFunction window,
        int lifter)
        implements DspParams, MelParams {

    public static final String TYPE = "mfcc";

    @JsonCreator
    static MfccParams fromJson(
            @JsonProperty("coefficientCount") Integer coefficientCount,
            @JsonProperty("frameLength") Double frameLength,
            @JsonProperty("frameStride") Double frameStride,
            @JsonProperty("filterCount") Integer filterCount,
            @JsonProperty("fftLength") Integer fftLength,
            @JsonProperty("lowFrequency") Double lowFrequency,
            @JsonProperty("highFrequency") Double highFrequency,
            @JsonProperty("preEmphasis") Double preEmphasis,
            @JsonProperty("window") WindowFunction window,
            @JsonProperty("lifter") Integer lifter) {
        MfccParams d = defaults();
        return new MfccParams(
                Defaults.or(coefficientCount, d.coefficientCount),
                Defaults.or(frameLength, d.frameLength),
                Defaults.or(frameStride, d.frameStride),
                Defaults.or(filterCount, d.filterCount),
                Defaults.or(fftLength, d.fftLength),
                Defaults.or(lowFrequency, d.lowFrequency),
                Defaults.or(highFrequency, d.highFrequency),
                Defaults.or(preEmphasis, d.preEmphasis),
                Defaults.or(window, d.window),
                Defaults.or(lifter, d.lifter));
    }

    public static MfccParams defaults() {
        return new MfccParams(13, 0.02, 0.02, 32, 256, 300, 0, 0.98, WindowFunction.HAMMING, 22);
    }

    @Override
    public DspBlock createBlock() {
        return new MfccBlock(this);
    }
}
