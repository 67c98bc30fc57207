package dev.edgeforge.firmware.codegen;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One test window for a deployment: built into the firmware as its boot window, and streamed to the emulated
 * device by the verification.
 *
 * @param kind   what the values are
 * @param values {@link Kind#RAW}: a raw window of the impulse (time series interleaved sample by sample, or a
 *               camera frame's bytes as 0..255); {@link Kind#FEATURES}: the classifier's float features;
 *               {@link Kind#QUANTIZED}: the int8 input tensor, each value in −128..127
 * @param label  the expected class, when known (for on-device accuracy)
 */
public record TestWindow(Kind kind, float[] values, Optional<String> label) {

    /** What a test window holds. */
    public enum Kind {
        /** A raw window for the impulse's DSP block. */
        RAW,
        /** Features, quantized with the input tensor's scale and zero point. */
        FEATURES,
        /** The int8 input tensor itself. */
        QUANTIZED
    }

    public TestWindow {
        Objects.requireNonNull(kind, "kind");
        values = values.clone();
        label = label == null ? Optional.empty() : label;
        if (kind == Kind.QUANTIZED) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != Math.rint(values[i]) || values[i] < -128 || values[i] > 127) {
                    throw new IllegalArgumentException(
                            "quantized test window value " + i + " is " + values[i] + ", not an int8");
                }
            }
        }
    }

    public static TestWindow raw(float[] values, String label) {
        return new TestWindow(Kind.RAW, values, Optional.ofNullable(label));
    }

    public static TestWindow features(float[] values, String label) {
        return new TestWindow(Kind.FEATURES, values, Optional.ofNullable(label));
    }

    public static TestWindow quantized(byte[] input, String label) {
        float[] values = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            values[i] = input[i];
        }
        return new TestWindow(Kind.QUANTIZED, values, Optional.ofNullable(label));
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestWindow that
                && kind == that.kind
                && Arrays.equals(values, that.values)
                && label.equals(that.label);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(values)) + label.hashCode();
    }

    @Override
    public String toString() {
        return "TestWindow[" + kind + ", " + values.length + " values"
                + label.map(l -> ", label " + l).orElse("") + "]";
    }
}
