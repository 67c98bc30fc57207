package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.quantization.FixedPointMath;
import java.util.Optional;

/**
 * Turns test windows into the model's int8 input tensor in Java, with the same math as the device: features are
 * quantized as TFLite's QUANTIZE does ({@code q = clamp(round(x / scale) + zeroPoint, −128, 127)}, the division in
 * float32, rounding half away from zero; {@code ef_quantize_f32_s8} in C), raw windows first go through the
 * impulse's DSP block in Java.
 */
public final class InputQuantizer {

    private final Quantization input;
    private final int inputSize;
    private final Optional<ImpulseDsp> impulse;

    /**
     * @param input     the int8 input tensor's quantization
     * @param inputSize its element count
     * @param impulse   the impulse's DSP part, needed for raw windows
     */
    public InputQuantizer(Quantization input, int inputSize, Optional<ImpulseDsp> impulse) {
        this.input = input;
        this.inputSize = inputSize;
        this.impulse = impulse;
    }

    public static InputQuantizer of(GeneratedLibrary library) {
        return new InputQuantizer(library.core().inputQuantization(), library.inputSize(), library.impulse());
    }

    /**
     * @throws IllegalArgumentException when the window has the wrong length, or is raw without an impulse
     */
    public byte[] int8Input(TestWindow window) {
        float[] values = window.values();
        return switch (window.kind()) {
            case QUANTIZED -> {
                checkLength(values.length, "quantized");
                byte[] bytes = new byte[values.length];
                for (int i = 0; i < values.length; i++) {
                    bytes[i] = (byte) values[i];
                }
                yield bytes;
            }
            case FEATURES -> quantize(values);
            case RAW ->
                quantize(impulse.orElseThrow(() -> new IllegalArgumentException(
                                "a raw test window needs the impulse's DSP block, and none was given"))
                        .features(values));
        };
    }

    /** TFLite QUANTIZE of features into the int8 input tensor. */
    public byte[] quantize(float[] features) {
        checkLength(features.length, "feature");
        float scale = input.scale();
        int zeroPoint = input.zeroPoint();
        byte[] out = new byte[features.length];
        for (int i = 0; i < features.length; i++) {
            float ratio = features[i] / scale;
            // Saturate far outside int8 before adding the zero point, so huge features cannot wrap around.
            int q = Float.isNaN(ratio) ? 0 : FixedPointMath.roundToInt(Math.max(-1024f, Math.min(1024f, ratio)));
            out[i] = (byte) Math.max(-128, Math.min(127, q + zeroPoint));
        }
        return out;
    }

    private void checkLength(int length, String what) {
        if (length != inputSize) {
            throw new IllegalArgumentException(
                    "a " + what + " test window for this model has " + inputSize + " values, got " + length);
        }
    }
}
