package dev.edgeforge.core.impulse;

import dev.edgeforge.core.dsp.ParameterError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a time-series sample into windows as a {@link WindowedInput} says. Deterministic: the same sample and input
 * always give the same windows.
 *
 * <ul>
 *   <li>A sample recorded at another rate (from its interval) is first {@link Resampler resampled} to the input's
 *       frequency.</li>
 *   <li>Window length is {@code W = ⌊windowSizeMs·f/1000⌋} samples; window {@code k} starts at sample
 *       {@code ⌊k·windowStrideMs·f/1000⌋} (so fractional strides do not drift) and windows are made while they fit
 *       entirely in the sample; a trailing part shorter than a window is not used.</li>
 *   <li>A sample shorter than one window gives one window padded with zeros when {@code zeroPad} is on, and no
 *       window otherwise.</li>
 * </ul>
 */
public final class Windower {

    private final WindowedInput input;

    public Windower(WindowedInput input) {
        List<ParameterError> errors = input.check();
        if (!errors.isEmpty()) {
            throw new ImpulseViolation(errors);
        }
        this.input = input;
    }

    /** Samples per window. */
    public int windowSamples() {
        return input.windowSamples();
    }

    /**
     * The windows of one sample.
     *
     * @param sample     {@code sample[axis][i]}, every axis the same length
     * @param intervalMs the sample's interval between readings in ms (1000 / its frequency)
     */
    public List<Window> windows(float[][] sample, double intervalMs) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one axis");
        }
        if (!(intervalMs > 0) || !Double.isFinite(intervalMs)) {
            throw new IllegalArgumentException("interval must be a positive number of ms, got " + intervalMs);
        }
        int length = sample[0].length;
        for (int a = 1; a < sample.length; a++) {
            if (sample[a].length != length) {
                throw new IllegalArgumentException(
                        "axis " + a + " has " + sample[a].length + " readings but axis 0 has " + length);
            }
        }
        double sampleHz = 1000.0 / intervalMs;
        double f = input.frequencyHz();
        float[][] signal = sample;
        if (Resampler.needed(sampleHz, f)) {
            signal = new float[sample.length][];
            for (int a = 0; a < sample.length; a++) {
                signal[a] = Resampler.resample(sample[a], sampleHz, f);
            }
        }
        int n = signal[0].length;
        int w = input.windowSamples();
        List<Window> windows = new ArrayList<>();
        if (n == 0) {
            return windows;
        }
        if (n < w) {
            if (input.zeroPad()) {
                float[][] padded = new float[signal.length][w];
                for (int a = 0; a < signal.length; a++) {
                    System.arraycopy(signal[a], 0, padded[a], 0, n);
                }
                windows.add(new Window(0, 0, padded));
            }
            return windows;
        }
        double stride = input.windowStrideMs() * f / 1000.0;
        for (int k = 0; ; k++) {
            int start = (int) Math.floor(k * stride + 1e-9);
            if (start + w > n) {
                break;
            }
            float[][] axes = new float[signal.length][];
            for (int a = 0; a < signal.length; a++) {
                axes[a] = Arrays.copyOfRange(signal[a], start, start + w);
            }
            windows.add(new Window(k, start * 1000.0 / f, axes));
        }
        return windows;
    }
}
