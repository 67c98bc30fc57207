package dev.edgeforge.jobs.estimate;

import dev.edgeforge.core.device.NetworkPlan;
import dev.edgeforge.core.interpreter.AddParams;
import dev.edgeforge.core.interpreter.ConvParams;
import dev.edgeforge.core.interpreter.DepthwiseConvParams;
import dev.edgeforge.core.interpreter.FullyConnectedParams;
import dev.edgeforge.core.interpreter.OpParams;
import dev.edgeforge.core.interpreter.PoolParams;
import dev.edgeforge.core.interpreter.PreparedOperator;
import dev.edgeforge.core.interpreter.QuantizeParams;
import dev.edgeforge.core.interpreter.ReshapeParams;
import dev.edgeforge.core.interpreter.SoftmaxParams;

/**
 * Instructions of one inference, operator by operator, modelled on the Cortex-M kernels the generator picks
 * ({@link NetworkPlan}) and fitted to what they measure on the emulated STM32F405 (QEMU {@code -icount shift=0}):
 * within 4% of every operator of the MLPerf Tiny models that takes more than 1% of its network.
 *
 * <ul>
 * <li>Packed CONV_2D: per pair of pixels and pair of output channels 16 instructions per block of 4 patch values
 * (two LDRD of inputs, one of weights, four SXTB16, eight SMLAD) and 44 to set up and requantize; per pixel the
 * patch widened (8 per block), after a copy row by row for windows inside the image or tap by tap on the
 * padding.</li>
 * <li>Packed DEPTHWISE_CONV_2D 3x3: 93 per output pixel and group of 4 channels (nine taps of 2 LDRD and 4
 * SMLAxy, four requantizations), each input row widened once; other filters and short groups in C.</li>
 * <li>Packed FULLY_CONNECTED: per pair of outputs 13 per block of 4 input values (a single row is unpacked for each
 * pair) and 28 to requantize.</li>
 * <li>The unpacked kernels (layers whose requantization could not be proven for the packed ones): per MAC and per
 * output as measured before the packed kernels existed.</li>
 * </ul>
 */
public final class KernelCosts {

    static final double OPERATOR = 150;
    static final double SOFTMAX_ELEMENT = 405;
    static final double ADD_ELEMENT = 47;

    private KernelCosts() {}

    /** Instructions of one inference of the network. */
    public static long network(NetworkPlan plan) {
        double total = 0;
        for (PreparedOperator op : plan.prepared().operators()) {
            total += OPERATOR + operator(op, plan.packed(op.index()));
        }
        return Math.round(total);
    }

    /** Instructions of one operator, without the call. */
    static double operator(PreparedOperator op, boolean packed) {
        OpParams params = op.params();
        if (params instanceof ConvParams p) {
            return packed
                    ? packedConv(p)
                    : unpackedMacs(
                            p.batches() * p.outputHeight() * p.outputWidth(),
                            p.outputDepth(),
                            (long) p.filterHeight() * p.filterWidth() * p.inputDepth(),
                            3.2);
        }
        if (params instanceof DepthwiseConvParams p) {
            return packed
                    ? packedDepthwise(p)
                    : unpackedMacs(
                            p.batches() * p.outputHeight() * p.outputWidth(),
                            p.outputDepth(),
                            (long) p.filterHeight() * p.filterWidth(),
                            25.0);
        }
        if (params instanceof FullyConnectedParams p) {
            return packed ? packedFullyConnected(p) : unpackedMacs(p.batches(), p.outputDepth(), p.accumDepth(), 2.7);
        }
        if (params instanceof AddParams p) {
            return ADD_ELEMENT * p.elementCount();
        }
        if (params instanceof PoolParams p) {
            long outputs = (long) p.batches() * p.outputHeight() * p.outputWidth() * p.depth();
            long taps = (long) p.filterHeight() * p.filterWidth();
            // Four channels per tap in SIMD, about two instructions per channel and tap with the loops.
            return outputs * (2.0 * taps + 30);
        }
        if (params instanceof SoftmaxParams p) {
            return SOFTMAX_ELEMENT * p.outerSize() * p.depth();
        }
        if (params instanceof QuantizeParams p) {
            return 30.0 * p.elementCount();
        }
        if (params instanceof ReshapeParams p) {
            return p.byteCount() / 2.0;
        }
        return 0;
    }

    private static double unpackedMacs(long pixels, int channels, long macsPerOutput, double perMac) {
        return pixels * channels * (perMac * macsPerOutput + 30.0);
    }

    private static double packedConv(ConvParams p) {
        long pixels = (long) p.batches() * p.outputHeight() * p.outputWidth();
        long size = (long) p.filterHeight() * p.filterWidth() * p.inputDepth();
        long blocks = (size + 7) / 8 * 2;
        long lone = pixels % 2;
        long steps = (pixels + 1) / 2;
        long pairs = p.outputDepth() / 2;
        long odd = p.outputDepth() % 2;
        double gemm = (steps - lone) * (pairs * (16.0 * blocks + 44) + odd * (9.0 * blocks + 40))
                + lone * (pairs * (10.5 * blocks + 36) + odd * (5.0 * blocks + 40));
        boolean pointwise = p.filterHeight() == 1
                && p.filterWidth() == 1
                && p.strideHeight() == 1
                && p.strideWidth() == 1
                && p.padHeight() == 0
                && p.padWidth() == 0
                && p.inputDepth() % 4 == 0;
        double patches;
        if (pointwise) {
            patches = pixels * (8.0 * blocks + 16);
        } else {
            // Windows inside the image are copied row by row (widened straight from it when a filter row is whole
            // blocks); windows on the padding are gathered tap by tap.
            long inside = (long) p.batches()
                    * inside(
                            p.outputHeight(),
                            p.strideHeight(),
                            p.padHeight(),
                            p.filterHeight(),
                            p.dilationHeight(),
                            p.inputHeight())
                    * (p.dilationWidth() == 1
                            ? inside(p.outputWidth(), p.strideWidth(), p.padWidth(), p.filterWidth(), 1, p.inputWidth())
                            : 0);
            boolean direct = p.filterWidth() * p.inputDepth() % 4 == 0;
            double perInside = 8.0 * blocks + (direct ? 12.0 : 35.0) * p.filterHeight() + (direct ? 40 : 60);
            double perBorder = 8.0 * blocks + 20.0 * p.filterHeight() * p.filterWidth() + 60;
            patches = inside * perInside + (pixels - inside) * perBorder;
        }
        return gemm + patches + steps * 30.0;
    }

    /** Output positions along one axis whose window lies inside the image. */
    private static long inside(int outputs, int stride, int pad, int filter, int dilation, int input) {
        long count = 0;
        for (int o = 0; o < outputs; o++) {
            int first = o * stride - pad;
            if (first >= 0 && first + (filter - 1) * dilation < input) {
                count++;
            }
        }
        return count;
    }

    private static double packedDepthwise(DepthwiseConvParams p) {
        long outputs = (long) p.batches() * p.outputHeight() * p.outputWidth();
        int full = p.inputDepth() / 4;
        int shortGroups = p.inputDepth() % 4 == 0 ? 0 : 1;
        int groups = full + shortGroups;
        int taps = p.filterHeight() * p.filterWidth();
        boolean three = p.filterHeight() == 3 && p.filterWidth() == 3;
        double pixels = outputs * ((three ? 93.0 : 14.0 * taps + 70) * full + (14.0 * taps + 70) * shortGroups);
        long rows = (long) p.batches() * (p.outputHeight() * p.strideHeight() + p.filterHeight());
        double widening = rows * groups * (8.0 * p.inputWidth() + 20);
        return pixels + widening + (long) p.batches() * p.outputHeight() * groups * 80.0 + groups * 120.0;
    }

    private static double packedFullyConnected(FullyConnectedParams p) {
        long blocks = (p.accumDepth() + 7) / 8 * 2;
        long pairs = p.outputDepth() / 2;
        double perRow = pairs * (13.0 * blocks + 28) + (p.outputDepth() % 2) * (8.0 * blocks + 40);
        return p.batches() * perRow + (p.batches() > 1 ? p.batches() * 5.0 * blocks : 0);
    }
}
