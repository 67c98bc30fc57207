package dev.edgeforge.firmware.qemu;

import java.util.Arrays;

/**
 * One answer of the firmware: the model's int8 output tensor and what the counter measured around the invocation.
 *
 * @param output the output tensor, as signed bytes
 * @param count the counter difference (instructions under QEMU, cycles on real boards)
 * @param counterUnit {@code instr} or {@code cycles}
 */
public record InferenceResult(byte[] output, long count, String counterUnit) {

    public InferenceResult {
        output = output.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InferenceResult that
                && Arrays.equals(output, that.output)
                && count == that.count
                && counterUnit.equals(that.counterUnit);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(output) + Long.hashCode(count)) + counterUnit.hashCode();
    }

    @Override
    public String toString() {
        return "InferenceResult" + Arrays.toString(output) + " " + counterUnit + "=" + count;
    }
}
