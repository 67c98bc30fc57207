package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.quantization.FixedPointMath;

/**
 * FULLY_CONNECTED: TFLM {@code reference_integer_ops::FullyConnected} (per-tensor) and
 * {@code FullyConnectedPerChannel}, and {@code reference_ops::FullyConnected} (float).
 */
final class FullyConnectedKernel {

    private FullyConnectedKernel() {}

    static void int8(
            FullyConnectedParams p, byte[] in, int inBase, byte[] weights, int[] bias, byte[] out, int outBase) {
        final int depth = p.accumDepth();
        final int units = p.outputDepth();
        final int inputOffset = p.inputOffset();
        final int weightsOffset = p.weightsOffset();
        final int[] multipliers = p.multipliers();
        final int[] shifts = p.shifts();
        for (int b = 0; b < p.batches(); b++) {
            int rowBase = inBase + b * depth;
            for (int c = 0; c < units; c++) {
                int acc = 0;
                int weightBase = c * depth;
                for (int d = 0; d < depth; d++) {
                    acc += (weights[weightBase + d] + weightsOffset) * (in[rowBase + d] + inputOffset);
                }
                if (bias != null) {
                    acc += bias[c];
                }
                int k = p.perChannel() ? c : 0;
                acc = FixedPointMath.multiplyByQuantizedMultiplier(acc, multipliers[k], shifts[k]);
                acc += p.outputOffset();
                out[outBase + b * units + c] = (byte) Math.min(p.activationMax(), Math.max(p.activationMin(), acc));
            }
        }
    }

    static void float32(FullyConnectedParams p, float[] in, float[] weights, float[] bias, float[] out) {
        final int depth = p.accumDepth();
        final int units = p.outputDepth();
        for (int b = 0; b < p.batches(); b++) {
            for (int c = 0; c < units; c++) {
                float total = 0f;
                for (int d = 0; d < depth; d++) {
                    total += in[b * depth + d] * weights[c * depth + d];
                }
                float value = total + (bias != null ? bias[c] : 0f);
                out[b * units + c] = Math.min(p.floatMax(), Math.max(p.floatMin(), value));
            }
        }
    }
}
