package dev.edgeforge.firmware.qemu;

/**
 * The fc_demo firmware's model (src/test/resources/firmware/fc_demo/main.c) computed on the host with TFLite's
 * integer math, written independently of the C kernels: the expected answer for any window.
 */
final class DemoModel {

    private static final int Q30 = 1 << 30;
    private static final int[][] W1 = {
        {1, 1, 1, 1, 1, 1, 1, 1}, {2, -1, 0, 3, -2, 1, 0, -1}, {-1, -1, -1, -1, 1, 1, 1, 1}, {4, 0, -3, 0, 2, 0, -1, 5}
    };
    private static final int[] B1 = {10, -20, 0, 7};
    private static final int[] M1 = {Q30, Q30, Q30, 1518500250};
    private static final int[] S1 = {0, -1, 1, -2};
    private static final int[][] W2 = {{3, -2, 1, 0}, {-1, 4, 2, -3}, {2, 2, -2, 1}};
    private static final int[] B2 = {-6, 12, 3};

    private DemoModel() {}

    static byte[] expected(byte[] window) {
        int[] hidden = new int[4];
        for (int o = 0; o < 4; o++) {
            int acc = B1[o];
            for (int i = 0; i < 8; i++) {
                acc += W1[o][i] * (window[i] + 1);
            }
            hidden[o] = Math.min(127, Math.max(-5, multiply(acc, M1[o], S1[o]) - 5));
        }
        byte[] output = new byte[3];
        for (int o = 0; o < 3; o++) {
            int acc = B2[o];
            for (int i = 0; i < 4; i++) {
                acc += W2[o][i] * (hidden[i] + 5);
            }
            output[o] = (byte) Math.min(127, Math.max(-128, multiply(acc, Q30, 0)));
        }
        return output;
    }

    /** TFLite MultiplyByQuantizedMultiplier: SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT. */
    static int multiply(int x, int multiplier, int shift) {
        int leftShift = Math.max(shift, 0);
        int rightShift = Math.max(-shift, 0);
        long product = (long) (x << leftShift) * multiplier;
        long nudge = product >= 0 ? 1L << 30 : 1 - (1L << 30);
        int high = (int) ((product + nudge) / (1L << 31)); // Java division truncates toward zero, as C++ does
        int mask = (1 << rightShift) - 1;
        int remainder = high & mask;
        int threshold = (mask >> 1) + (high < 0 ? 1 : 0);
        return (high >> rightShift) + (remainder > threshold ? 1 : 0);
    }
}
