package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edgeforge.core.dsp.ParameterError;
import java.util.List;

/**
 * Audio input: like {@link TimeSeriesInput} at an audio rate, defaults 1000 ms windows every 500 ms at 16 kHz,
 * zero-padding short clips. Samples are int16 counts (see the audio DSP blocks).
 *
 * @param windowSizeMs   window length in ms
 * @param windowStrideMs ms between window starts
 * @param frequencyHz    audio rate of the windows; recordings at another rate are resampled
 * @param zeroPad        whether a clip shorter than a window gives one zero-padded window
 */
public record AudioInput(double windowSizeMs, double windowStrideMs, double frequencyHz, boolean zeroPad)
        implements WindowedInput {

    public static final String TYPE = "audio";

    @JsonCreator
    static AudioInput fromJson(
            @JsonProperty("windowSizeMs") Double windowSizeMs,
            @JsonProperty("windowStrideMs") Double windowStrideMs,
            @JsonProperty("frequencyHz") Double frequencyHz,
            @JsonProperty("zeroPad") Boolean zeroPad) {
        return new AudioInput(
                windowSizeMs == null ? 1000 : windowSizeMs,
                windowStrideMs == null ? 500 : windowStrideMs,
                frequencyHz == null ? 16000 : frequencyHz,
                zeroPad == null || zeroPad);
    }

    public static AudioInput defaults() {
        return new AudioInput(1000, 500, 16000, true);
    }

    @Override
    public List<ParameterError> check() {
        return WindowedInput.checkWindowing(this);
    }
}
