package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Spectrogram block, defaults as Edge Impulse's: 20 ms frames every 10 ms, FFT 128, noise floor −52 dB, log scale.
 *
 * @param frameLength  frame length in seconds (default 0.02)
 * @param frameStride  frame stride in seconds (default 0.01)
 * @param fftLength    FFT length, a power of two (default 128)
 * @param noiseFloorDb with log scale, powers below this level (dB full scale) become 0 (default −52)
 * @param logScale     normalised dB output in 0..1 (true, default) or the linear power spectrum (false)
 */
public record SpectrogramParams(
        double frameLength, double frameStride, int fftLength, double noiseFloorDb, boolean logScale)
        implements DspParams {

    public static final String TYPE = "spectrogram";

    @JsonCreator
    static SpectrogramParams fromJson(
            @JsonProperty("frameLength") Double frameLength,
            @JsonProperty("frameStride") Double frameStride,
            @JsonProperty("fftLength") Integer fftLength,
            @JsonProperty("noiseFloorDb") Double noiseFloorDb,
            @JsonProperty("logScale") Boolean logScale) {
        SpectrogramParams d = defaults();
        return new SpectrogramParams(
                Defaults.or(frameLength, d.frameLength),
                Defaults.or(frameStride, d.frameStride),
                Defaults.or(fftLength, d.fftLength),
                Defaults.or(noiseFloorDb, d.noiseFloorDb),
                Defaults.or(logScale, d.logScale));
    }

    public static SpectrogramParams defaults() {
        return new SpectrogramParams(0.02, 0.01, 128, -52, true);
    }

    @Override
    public DspBlock createBlock() {
        return new SpectrogramBlock(this);
    }
}
