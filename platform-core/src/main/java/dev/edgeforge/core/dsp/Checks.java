package dev.edgeforge.core.dsp;

import java.util.ArrayList;
import java.util.List;

/** Collects parameter errors with the block type as the field prefix. */
final class Checks {

    private final String prefix;
    private final List<ParameterError> errors = new ArrayList<>();

    Checks(String blockType) {
        this.prefix = blockType + ".";
    }

    Checks fail(String field, String message) {
        errors.add(new ParameterError(prefix + field, message));
        return this;
    }

    Checks require(boolean ok, String field, String message) {
        return ok ? this : fail(field, message);
    }

    Checks finite(double value, String field) {
        return require(Double.isFinite(value), field, "must be a finite number, got " + value);
    }

    Checks powerOfTwo(int value, String field, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            fail(field, value + " is not a power of two between " + min + " and " + max);
        }
        return this;
    }

    /** The audio blocks read one axis. */
    Checks oneAudioAxis(SignalShape input) {
        return require(input.axisCount() == 1, "axes", "works on one audio axis, got " + input.axisCount());
    }

    /** A noise floor in dB full scale, mapped to 0 of the scale whose top is +12 dB. */
    Checks noiseFloor(double noiseFloorDb) {
        return finite(noiseFloorDb, "noiseFloorDb")
                .require(
                        noiseFloorDb < 12,
                        "noiseFloorDb",
                        "must be below +12 dB (the top of the scale), got " + noiseFloorDb);
    }

    Checks timeSeries(SignalShape input) {
        return require(
                !input.isImage() && input.frequencyHz() > 0,
                "input",
                "needs a time-series input with a positive frequency, got " + describe(input));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    List<ParameterError> errors() {
        return List.copyOf(errors);
    }

    static String describe(SignalShape input) {
        return input.isImage()
                ? "an image of " + input.width() + "×" + input.height() + "×" + input.axisCount()
                : input.axisCount() + " axes × " + input.sampleCount() + " samples at " + input.frequencyHz() + " Hz";
    }
}
