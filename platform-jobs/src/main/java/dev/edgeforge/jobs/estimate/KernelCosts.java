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
 * ({@link NetworkPlan}) and calibrated per operator kind against what they measure on the emulated STM32F405 (QEMU
 * {@code -icount shift=0}, TIM2, each operator also built and measured alone): the MLPerf Tiny models and networks
 * trained on the real recordings (uWave conv1d kernel 5, conv2d 3x3 stride 2, depthwise 5x1 + pointwise 1x1, dense;
 * spoken-digit MFCC conv1d kernel 3) are all within {@value #TOLERANCE_PERCENT} % (platform-app's
 * {@code EstimatorCalibrationIT}; {@code ./edgeforge bench estimator} prints them). The network coefficients live here
 * alone; the DSP blocks' costs are their own ({@code CostEstimate}).
 *
 * <ul>
 * <li>Packed CONV_2D (conv1d is CONV_2D of height 1): per pair of pixels and pair of output channels 16 instructions
 * per block of 4 patch values (two LDRD of inputs, one of weights, four SXTB16, eight SMLAD) and 44 to set up and
 * requantize; per pixel the patch widened (8 per block): straight from the input for 1x1 layers of whole blocks,
 * after a copy row by row for windows inside the image, or gathered row by row (about 100 per filter row) on the
 * padding.</li>
 * <li>Packed DEPTHWISE_CONV_2D: 3x3 full groups of 4 channels in assembly, 93 per output pixel and group; other
 * filters and the short last group in C, 70 + 14 per tap per pixel and group plus 150 + 217 per full and 356 per short
 * group per output row; each input row widened once.</li>
 * <li>Packed FULLY_CONNECTED: per pair of outputs 13 per block of 4 input values (a single row is unpacked for each
 * pair) and 28 to requantize.</li>
 * <li>Pooling four channels per word, ADD, SOFTMAX (a fixed-point exponential per element), RESHAPE (a copy).</li>
 * <li>The unpacked kernels (layers whose requantization could not be proven for the packed ones): per MAC and per
 * output as measured before the packed kernels existed; no calibration network uses them, so a network that does is
 * not {@link #calibrated}.</li>
 * </ul>
 */
public final class KernelCosts {

    /** How far from QEMU's counts the estimate of a calibrated network may be, in percent. */
    public static final int TOLERANCE_PERCENT = 15;

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

    /** Instructions of one operator, with the call. */
    public static double operatorInstructions(PreparedOperator op, boolean packed) {
        return OPERATOR + operator(op, packed);
    }

    /** Whether every operator of the network is of a kind and kernel the model was calibrated on. */
    public static boolean calibrated(NetworkPlan plan) {
        for (PreparedOperator op : plan.prepared().operators()) {
            if (!calibratedKind(op.params(), plan.packed(op.index()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the calibration measured this kind of operator on this kernel: the packed convolutions (conv1d, 1x1,
     * 3x3 and other kernel sizes), packed depthwise and fully connected, pooling, add, softmax and reshape. The
     * unpacked kernels (layers whose requantization the packed ones cannot reproduce) were not.
     */
    static boolean calibratedKind(OpParams params, boolean packed) {
        if (params instanceof ConvParams
                || params instanceof DepthwiseConvParams
                || params instanceof FullyConnectedParams) {
            return packed;
        }
        return params instanceof PoolParams
                || params instanceof AddParams
                || params instanceof SoftmaxParams
                || params instanceof ReshapeParams;
    }

    /** The operator's kind as the calibration names it, e.g. {@code conv2d 3x3}, {@code conv1d k5}. */
    public static String kind(PreparedOperator op, boolean packed) {
        OpParams params = op.params();
        String kernel = packed ? "" : " (unpacked)";
        if (params instanceof ConvParams p) {
            if (p.filterHeight() == 1 && p.filterWidth() == 1) {
                return "conv2d 1x1" + kernel;
            }
            if (p.filterHeight() == 1 || p.filterWidth() == 1) {
                return "conv1d k" + Math.max(p.filterHeight(), p.filterWidth()) + kernel;
            }
            return "conv2d " + p.filterHeight() + "x" + p.filterWidth() + kernel;
        }
        if (params instanceof DepthwiseConvParams p) {
            return "depthwise " + p.filterHeight() + "x" + p.filterWidth() + kernel;
        }
        if (params instanceof FullyConnectedParams) {
            return "fully connected" + kernel;
        }
        if (params instanceof PoolParams p) {
            return (p.average() ? "average pool " : "max pool ") + p.filterHeight() + "x" + p.filterWidth();
        }
        if (params instanceof AddParams) {
            return "add";
        }
        if (params instanceof SoftmaxParams) {
            return "softmax";
        }
        if (params instanceof ReshapeParams) {
            return "reshape";
        }
        if (params instanceof QuantizeParams) {
            return "quantize";
        }
        return params.getClass().getSimpleName();
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
            return pool(p);
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

    /**
     * Pooling, four channels per word (SSUB8/SEL for the maximum, SXTAB16 sums for the average; the mean's division
     * per channel), the rest channel by channel: fitted to the conv1d stacks' pools (2-tap max, 8 to 79-tap
     * averages) measured alone.
     */
    private static double pool(PoolParams p) {
        long pixels = (long) p.batches() * p.outputHeight() * p.outputWidth();
        long taps = (long) p.filterHeight() * p.filterWidth();
        long groups = p.depth() / 4;
        long rest = p.depth() % 4;
        if (p.average()) {
            if (taps > 256) {
                return pixels * (40 + p.depth() * (30.0 + 4 * taps));
            }
            return pixels * (40 + groups * (78.0 + 7 * taps) + rest * (30.0 + 4 * taps));
        }
        return pixels * (48 + groups * (73.0 + 5 * taps) + rest * (12.0 + 6 * taps));
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
            // Gathered row by row (padding, a run of the image row, padding): about 100 per filter row.
            double perBorder = 8.0 * blocks + p.filterHeight() * (100 + 0.3 * p.filterWidth() * p.inputDepth()) + 60;
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
        long outputRows = (long) p.batches() * p.outputHeight();
        int full = p.inputDepth() / 4;
        int shortGroups = p.inputDepth() % 4 == 0 ? 0 : 1;
        int groups = full + shortGroups;
        int taps = p.filterHeight() * p.filterWidth();
        boolean three = p.filterHeight() == 3 && p.filterWidth() == 3;
        double pixels = outputs * ((three ? 93.0 : 14.0 * taps + 70) * full + (14.0 * taps + 70) * shortGroups);
        long rows = (long) p.batches() * (p.outputHeight() * p.strideHeight() + p.filterHeight());
        double widening = rows * groups * (8.0 * p.inputWidth() + 20);
        // Per output row and group: the assembly 3x3 row of full groups; else the C row (taps looped, the short
        // group's requantization through an array) with the row pointers set up per group, fitted to 5x1 layers.
        double perRow = three ? groups * 80.0 : 150 + full * 217.0 + shortGroups * 356.0;
        if (three && shortGroups > 0) {
            perRow += 150 + 356.0 - 80.0;
        }
        return pixels + widening + outputRows * perRow + groups * 120.0;
    }

    private static double packedFullyConnected(FullyConnectedParams p) {
        long blocks = (p.accumDepth() + 7) / 8 * 2;
        long pairs = p.outputDepth() / 2;
        double perRow = pairs * (13.0 * blocks + 28) + (p.outputDepth() % 2) * (8.0 * blocks + 40);
        return p.batches() * perRow + (p.batches() > 1 ? p.batches() * 5.0 * blocks : 0);
    }
}
