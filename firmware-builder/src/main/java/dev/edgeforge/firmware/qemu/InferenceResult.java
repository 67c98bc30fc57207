package dev.edgeforge.firmware.qemu;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One answer of the firmware: the model's int8 output tensor and what the counter measured around the invocation.
 *
 * @param output the output tensor, as signed bytes
 * @param count the counter difference (instructions under QEMU, cycles on real boards)
 * @param counterUnit {@code instr}, {@code ns} (QEMU without {@code -icount}) or {@code cycles}
 * @param dspCount the part of {@code count} the DSP block took ({@code dsp=}, answers to {@code window} from images
 *     that time it apart); the network took the rest
 */
public record InferenceResult(byte[] output, long count, String counterUnit, OptionalLong dspCount) {

    public InferenceResult {
        output = output.clone();
        dspCount = dspCount == null ? OptionalLong.empty() : dspCount;
    }

    /** An answer without a DSP block's count. */
    public InferenceResult(byte[] output, long count, String counterUnit) {
        this(output, count, counterUnit, OptionalLong.empty());
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
                && counterUnit.equals(that.counterUnit)
                && dspCount.equals(that.dspCount);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(output) + Long.hashCode(count)) + counterUnit.hashCode();
    }

    @Override
    public String toString() {
        return "InferenceResult" + Arrays.toString(output) + " " + counterUnit + "=" + count
                + (dspCount.isPresent() ? " dsp=" + dspCount.getAsLong() : "");
    }
}
