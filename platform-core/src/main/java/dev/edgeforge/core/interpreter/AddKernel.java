package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.quantization.FixedPointMath;

/** ADD: TFLM {@code reference_integer_ops::Add} (elementwise and broadcast) and the float version. */
final class AddKernel {

    private AddKernel() {}

    static void int8(AddParams p, byte[] a, int aBase, byte[] b, int bBase, byte[] out, int outBase) {
        int n = p.elementCount();
        if (!p.broadcast()) {
            for (int i = 0; i < n; i++) {
                out[outBase + i] = (byte) addInt8(p, a[aBase + i], b[bBase + i]);
            }
            return;
        }
        int[] index = new int[p.shape().length];
        for (int i = 0; i < n; i++) {
            out[outBase + i] =
                    (byte) addInt8(p, a[aBase + offset(index, p.strides1())], b[bBase + offset(index, p.strides2())]);
            increment(index, p.shape());
        }
    }

    private static int addInt8(AddParams p, int x, int y) {
        int input1 = p.input1Offset() + x;
        int input2 = p.input2Offset() + y;
        int shifted1 = input1 * (1 << p.leftShift());
        int shifted2 = input2 * (1 << p.leftShift());
        int scaled1 = FixedPointMath.multiplyByQuantizedMultiplierSmallerThanOneExp(
                shifted1, p.input1Multiplier(), p.input1Shift());
        int scaled2 = FixedPointMath.multiplyByQuantizedMultiplierSmallerThanOneExp(
                shifted2, p.input2Multiplier(), p.input2Shift());
        int rawSum = scaled1 + scaled2;
        int rawOutput = FixedPointMath.multiplyByQuantizedMultiplierSmallerThanOneExp(
                        rawSum, p.outputMultiplier(), p.outputShift())
                + p.outputOffset();
        return Math.min(p.activationMax(), Math.max(p.activationMin(), rawOutput));
    }

    static void float32(AddParams p, float[] a, float[] b, float[] out) {
        int n = p.elementCount();
        int[] index = new int[p.shape().length];
        for (int i = 0; i < n; i++) {
            float x = p.broadcast() ? a[offset(index, p.strides1())] : a[i];
            float y = p.broadcast() ? b[offset(index, p.strides2())] : b[i];
            out[i] = Math.min(p.floatMax(), Math.max(p.floatMin(), x + y));
            if (p.broadcast()) {
                increment(index, p.shape());
            }
        }
    }

    private static int offset(int[] index, int[] strides) {
        int offset = 0;
        for (int d = 0; d < index.length; d++) {
            offset += index[d] * strides[d];
        }
        return offset;
    }

    private static void increment(int[] index, int[] shape) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < shape[d]) {
                return;
            }
            index[d] = 0;
        }
    }
}
