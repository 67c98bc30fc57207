package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edgeforge.core.dsp.ParameterError;
import java.util.List;

/**
 * Time-series input (accelerometer, gyroscope, any sensor): defaults 2000 ms windows every 80 ms at 62.5 Hz,
 * zero-padding short samples.
 *
 * @param windowSizeMs   window length in ms
 * @param windowStrideMs ms between window starts (Edge Impulse's "window increase")
 * @param frequencyHz    frequency of the windows; samples at another rate are resampled
 * @param zeroPad        whether a sample shorter than a window gives one zero-padded window
 */
public record TimeSeriesInput(double windowSizeMs, double windowStrideMs, double frequencyHz, boolean zeroPad)
        implements WindowedInput {

    public static final String TYPE = "time-series";

    @JsonCreator
    static TimeSeriesInput fromJson(
            @JsonProperty("windowSizeMs") Double windowSizeMs,
            @JsonProperty("windowStrideMs") Double windowStrideMs,
            @JsonProperty("frequencyHz") Double frequencyHz,
            @JsonProperty("zeroPad") Boolean zeroPad) {
        return new TimeSeriesInput(
                windowSizeMs == null ? 2000 : windowSizeMs,
                windowStrideMs == null ? 80 : windowStrideMs,
                frequencyHz == null ? 62.5 : frequencyHz,
                zeroPad == null || zeroPad);
    }

    public static TimeSeriesInput defaults() {
        return new TimeSeriesInput(2000, 80, 62.5, true);
    }

    @Override
    public List<ParameterError> check() {
        return WindowedInput.checkWindowing(this);
    }
}
