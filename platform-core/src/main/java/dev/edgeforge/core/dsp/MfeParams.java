package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * MFE block (log mel filterbank energies), defaults as Edge Impulse's: 20 ms frames every 10 ms, 40 filters,
 * FFT 256, 0 Hz to Nyquist, noise floor −52 dB.
 *
 * @param frameLength   frame length in seconds (default 0.02)
 * @param frameStride   frame stride in seconds (default 0.01)
 * @param filterCount   number of mel filters (default 40)
 * @param fftLength     FFT length, a power of two (default 256)
 * @param lowFrequency  lowest filter edge in Hz (default 0)
 * @param highFrequency highest filter edge in Hz, 0 meaning Nyquist (default 0)
 * @param noiseFloorDb  energies below this level (dB full scale) become 0 (default −52)
 */
public record MfeParams(
        double frameLength,
        double frameStride,
        int filterCount,
        int fftLength,
        double lowFrequency,
        double highFrequency,
        double noiseFloorDb)
        implements DspParams, MelParams {

    public static final String TYPE = "mfe";

    @JsonCreator
    static MfeParams fromJson(
            @JsonProperty("frameLength") Double frameLength,
            @JsonProperty("frameStride") Double frameStride,
            @JsonProperty("filterCount") Integer filterCount,
            @JsonProperty("fftLength") Integer fftLength,
            @JsonProperty("lowFrequency") Double lowFrequency,
            @JsonProperty("highFrequency") Double highFrequency,
            @JsonProperty("noiseFloorDb") Double noiseFloorDb) {
        MfeParams d = defaults();
        return new MfeParams(
                Defaults.or(frameLength, d.frameLength),
                Defaults.or(frameStride, d.frameStride),
                Defaults.or(filterCount, d.filterCount),
                Defaults.or(fftLength, d.fftLength),
                Defaults.or(lowFrequency, d.lowFrequency),
                Defaults.or(highFrequency, d.highFrequency),
                Defaults.or(noiseFloorDb, d.noiseFloorDb));
    }

    public static MfeParams defaults() {
        return new MfeParams(0.02, 0.01, 40, 256, 0, 0, -52);
    }

    @Override
    public DspBlock createBlock() {
        return new MfeBlock(this);
    }
}
