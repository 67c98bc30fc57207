package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Spectral analysis block (vibration, motion). Defaults follow Edge Impulse's current spectral analysis block:
 * low-pass Butterworth at 3 Hz of order 6, FFT length 16, log of the spectrum, overlapping FFTs.
 *
 * @param scale                 factor applied to every sample first (default 1)
 * @param filterType            none, low-pass or high-pass (default low)
 * @param filterCutoffHz        cut-off frequency in Hz, below Nyquist (default 3)
 * @param filterOrder           Butterworth order, 1 to 8 (default 6)
 * @param fftLength             FFT length, a power of two from 8 to 4096 (default 16)
 * @param log                   whether spectral powers are given as log10 (default true)
 * @param overlapFfts           whether consecutive FFT segments overlap by half (default true)
 * @param spectralPeakCount     how many spectral peaks to report per axis, 0 for none (default 0)
 * @param spectralPeakThreshold a peak must reach this fraction of the axis' strongest bin, 0..1 (default 0.1)
 */
public record SpectralAnalysisParams(
        double scale,
        FilterType filterType,
        double filterCutoffHz,
        int filterOrder,
        int fftLength,
        boolean log,
        boolean overlapFfts,
        int spectralPeakCount,
        double spectralPeakThreshold)
        implements DspParams {

    public static final String TYPE = "spectral-analysis";

    @JsonCreator
    static SpectralAnalysisParams fromJson(
            @JsonProperty("scale") Double scale,
            @JsonProperty("filterType") FilterType filterType,
            @JsonProperty("filterCutoffHz") Double filterCutoffHz,
            @JsonProperty("filterOrder") Integer filterOrder,
            @JsonProperty("fftLength") Integer fftLength,
            @JsonProperty("log") Boolean log,
            @JsonProperty("overlapFfts") Boolean overlapFfts,
            @JsonProperty("spectralPeakCount") Integer spectralPeakCount,
            @JsonProperty("spectralPeakThreshold") Double spectralPeakThreshold) {
        SpectralAnalysisParams d = defaults();
        return new SpectralAnalysisParams(
                Defaults.or(scale, d.scale),
                Defaults.or(filterType, d.filterType),
                Defaults.or(filterCutoffHz, d.filterCutoffHz),
                Defaults.or(filterOrder, d.filterOrder),
                Defaults.or(fftLength, d.fftLength),
                Defaults.or(log, d.log),
                Defaults.or(overlapFfts, d.overlapFfts),
                Defaults.or(spectralPeakCount, d.spectralPeakCount),
                Defaults.or(spectralPeakThreshold, d.spectralPeakThreshold));
    }

    public static SpectralAnalysisParams defaults() {
        return new SpectralAnalysisParams(1.0, FilterType.LOW, 3.0, 6, 16, true, true, 0, 0.1);
    }

    @Override
    public DspBlock createBlock() {
        return new SpectralAnalysisBlock(this);
    }
}
