package dev.edgeforge.training.realdata;

import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.InputBlock;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.sample.SampleData;
import java.util.List;

/**
 * An impulse suggested from the training data alone (issue #12, part 1), with every rule a setting so experiments can
 * change one rule at a time. {@link #recommended()} holds the rules this research recommends (MFCC for audio: on voices
 * the model never heard it beat MFE by 25 points, see the research report of issue #12).
 *
 * <ul>
 *   <li>input: audio or time series as {@link DataProfile} says; frequency = 1000 / the median interval;</li>
 *   <li>window: event-like recordings (median length under {@code continuousWindows} fixed windows) get a window of the
 *       {@code windowPercentile} of their lengths, rounded up to {@code audioGrainMs} or {@code sensorGrainMs},
 *       zero-padding shorter ones, stride a quarter window; continuous recordings get the fixed window
 *       ({@code continuousWindowMs} for sensors, 1 s for audio) with the same stride;</li>
 *   <li>DSP: audio → {@code audioDsp} (MFE or MFCC, frames {@code frameMs}/{@code frameStrideMs}, FFT the next power of
 *       two over a frame); sensors → raw for event-like recordings, spectral analysis for continuous ones.</li>
 * </ul>
 *
 * @param audioDsp           {@code mfe} or {@code mfcc}
 * @param frameMs            audio frame length
 * @param frameStrideMs      audio frame stride
 * @param melFilters         mel filters of MFE / MFCC
 * @param mfccCoefficients   cepstral coefficients kept by MFCC
 * @param windowPercentile   which percentile of the recording lengths the window covers (0..1)
 * @param audioGrainMs       audio windows are rounded up to this
 * @param sensorGrainMs      sensor windows are rounded up to this
 * @param strideFraction     window stride as a fraction of the window (recordings longer than a window)
 * @param continuousWindows  recordings whose median length holds this many fixed windows count as continuous
 * @param continuousWindowMs fixed window for continuous sensor data
 * @param noiseFloorDb       MFE noise floor
 */
public record ImpulseSuggestion(
        String audioDsp,
        double frameMs,
        double frameStrideMs,
        int melFilters,
        int mfccCoefficients,
        double windowPercentile,
        double audioGrainMs,
        double sensorGrainMs,
        double strideFraction,
        double continuousWindows,
        double continuousWindowMs,
        double noiseFloorDb) {

    public static ImpulseSuggestion recommended() {
        return new ImpulseSuggestion("mfcc", 20, 10, 40, 13, 0.95, 100, 10, 0.25, 3, 2000, -52);
    }

    public ImpulseSuggestion withAudioDsp(String value) {
        return new ImpulseSuggestion(
                value,
                frameMs,
                frameStrideMs,
                melFilters,
                mfccCoefficients,
                windowPercentile,
                audioGrainMs,
                sensorGrainMs,
                strideFraction,
                continuousWindows,
                continuousWindowMs,
                noiseFloorDb);
    }

    public ImpulseSuggestion withFrames(double lengthMs, double strideMs) {
        return new ImpulseSuggestion(
                audioDsp,
                lengthMs,
                strideMs,
                melFilters,
                mfccCoefficients,
                windowPercentile,
                audioGrainMs,
                sensorGrainMs,
                strideFraction,
                continuousWindows,
                continuousWindowMs,
                noiseFloorDb);
    }

    public ImpulseSuggestion withMelFilters(int value) {
        return new ImpulseSuggestion(
                audioDsp,
                frameMs,
                frameStrideMs,
                value,
                mfccCoefficients,
                windowPercentile,
                audioGrainMs,
                sensorGrainMs,
                strideFraction,
                continuousWindows,
                continuousWindowMs,
                noiseFloorDb);
    }

    public ImpulseSuggestion withWindowPercentile(double value) {
        return new ImpulseSuggestion(
                audioDsp,
                frameMs,
                frameStrideMs,
                melFilters,
                mfccCoefficients,
                value,
                audioGrainMs,
                sensorGrainMs,
                strideFraction,
                continuousWindows,
                continuousWindowMs,
                noiseFloorDb);
    }

    public ImpulseSuggestion withNoiseFloorDb(double value) {
        return new ImpulseSuggestion(
                audioDsp,
                frameMs,
                frameStrideMs,
                melFilters,
                mfccCoefficients,
                windowPercentile,
                audioGrainMs,
                sensorGrainMs,
                strideFraction,
                continuousWindows,
                continuousWindowMs,
                value);
    }

    /** The suggested impulse (input and one processing block; no learning block) for these training samples. */
    public Impulse suggest(List<SampleData> training) {
        return suggest(DataProfile.of(training));
    }

    public Impulse suggest(DataProfile profile) {
        double fixedWindowMs = profile.audio() ? 1000 : continuousWindowMs;
        boolean continuous = profile.medianMs() >= continuousWindows * fixedWindowMs;
        double windowMs;
        if (continuous) {
            windowMs = fixedWindowMs;
        } else {
            double grain = profile.audio() ? audioGrainMs : sensorGrainMs;
            double covering = profile.lengthPercentileMs(windowPercentile);
            windowMs = Math.ceil(covering / grain - 1e-9) * grain;
        }
        double strideMs = Math.max(1000.0 / profile.frequencyHz(), windowMs * strideFraction);
        InputBlock input = profile.audio()
                ? new AudioInput(windowMs, strideMs, profile.frequencyHz(), true)
                : new TimeSeriesInput(windowMs, strideMs, profile.frequencyHz(), true);
        DspParams dsp;
        String name;
        if (profile.audio()) {
            int frameSamples = (int) Math.ceil(frameMs / 1000 * profile.frequencyHz() - 1e-9);
            int fft = Math.max(16, Integer.highestOneBit(Math.max(1, frameSamples - 1)) * 2);
            if ("mfcc".equals(audioDsp)) {
                dsp = new MfccParams(
                        mfccCoefficients,
                        frameMs / 1000,
                        frameStrideMs / 1000,
                        melFilters,
                        fft,
                        0,
                        0,
                        0.98,
                        WindowFunction.HAMMING,
                        22);
                name = "MFCC";
            } else {
                dsp = new MfeParams(frameMs / 1000, frameStrideMs / 1000, melFilters, fft, 0, 0, noiseFloorDb);
                name = "MFE";
            }
        } else if (continuous) {
            dsp = SpectralAnalysisParams.defaults();
            name = "Spectral analysis";
        } else {
            dsp = RawParams.defaults();
            name = "Raw data";
        }
        List<String> axes = profile.audio() ? profile.axes().subList(0, 1) : profile.axes();
        return new Impulse(1, input, List.of(new ProcessingBlock(1, name, axes, dsp)), List.of());
    }
}
