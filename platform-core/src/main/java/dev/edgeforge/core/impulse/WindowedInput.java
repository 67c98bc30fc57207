package dev.edgeforge.core.impulse;

import dev.edgeforge.core.dsp.ParameterError;
import java.util.ArrayList;
import java.util.List;

/**
 * An input block that cuts time series into windows: sensor data ({@link TimeSeriesInput}) or audio
 * ({@link AudioInput}). Window and stride lengths in samples are {@code ⌊ms × frequency / 1000⌋} (see
 * {@link Windower}).
 */
public sealed interface WindowedInput extends InputBlock permits TimeSeriesInput, AudioInput {

    /** Window length in milliseconds. */
    double windowSizeMs();

    /** Milliseconds between window starts. */
    double windowStrideMs();

    /** The frequency windows are made at; samples recorded at another rate are resampled. */
    double frequencyHz();

    /** Whether a sample shorter than one window gives one zero-padded window (else none). */
    boolean zeroPad();

    /** Samples in one window at {@link #frequencyHz()}. */
    default int windowSamples() {
        return (int) Math.floor(windowSizeMs() * frequencyHz() / 1000.0 + 1e-9);
    }

    /** Shared checks of the windowed inputs. */
    static List<ParameterError> checkWindowing(WindowedInput in) {
        List<ParameterError> errors = new ArrayList<>();
        if (!(in.frequencyHz() > 0) || !Double.isFinite(in.frequencyHz())) {
            errors.add(
                    new ParameterError("input.frequencyHz", "must be a positive frequency, got " + in.frequencyHz()));
        }
        if (!(in.windowSizeMs() > 0) || !Double.isFinite(in.windowSizeMs())) {
            errors.add(
                    new ParameterError("input.windowSizeMs", "must be a positive duration, got " + in.windowSizeMs()));
        }
        if (!(in.windowStrideMs() > 0) || !Double.isFinite(in.windowStrideMs())) {
            errors.add(new ParameterError(
                    "input.windowStrideMs", "must be a positive duration, got " + in.windowStrideMs()));
        }
        if (errors.isEmpty()) {
            if (in.windowSamples() < 1) {
                errors.add(new ParameterError(
                        "input.windowSizeMs",
                        in.windowSizeMs() + " ms holds no whole sample at " + in.frequencyHz() + " Hz"));
            } else if (in.windowSamples() > 10_000_000) {
                errors.add(new ParameterError(
                        "input.windowSizeMs",
                        in.windowSizeMs() + " ms at " + in.frequencyHz()
                                + " Hz is more than 10 million samples per window"));
            }
            if (in.windowStrideMs() * in.frequencyHz() / 1000.0 < 1 - 1e-9) {
                errors.add(new ParameterError(
                        "input.windowStrideMs",
                        in.windowStrideMs() + " ms is less than one sample at " + in.frequencyHz() + " Hz"));
            }
        }
        return errors;
    }
}
