package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.AddOptions;
import dev.edgeforge.core.model.Conv2DOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.DepthwiseConv2DOptions;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.ModelGraphViolation;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.quantization.FixedPointMath;
import dev.edgeforge.core.quantization.QuantizedMultiplier;
import java.util.Arrays;

/** Computes each operator's params ahead of time, as TFLite Micro's Prepare functions do. */
final class ParamsFactory {

    private static final int SOFTMAX_SCALED_DIFF_INTEGER_BITS = 5;
    private static final int ADD_LEFT_SHIFT = 20;

    private final ModelGraph graph;

    ParamsFactory(ModelGraph graph) {
        this.graph = graph;
    }

    OpParams prepare(int index, Operator op) {
        try {
            return switch (op.type()) {
                case CONV_2D -> conv(op);
                case DEPTHWISE_CONV_2D -> depthwise(op);
                case FULLY_CONNECTED -> fullyConnected(op);
                case AVERAGE_POOL_2D -> pool(op, true);
                case MAX_POOL_2D -> pool(op, false);
                case ADD -> add(op);
                case SOFTMAX -> softmax(op);
                case QUANTIZE -> quantize(op);
                case DEQUANTIZE -> dequantize(op);
                case RESHAPE -> new ReshapeParams(in(op, 0).byteSize());
            };
        } catch (IllegalArgumentException e) {
            throw new ModelGraphViolation("operator " + index + " " + op.type() + ": " + e.getMessage());
        }
    }

    private ConvParams conv(Operator op) {
        Tensor input = in(op, 0);
        Tensor filter = in(op, 1);
        Tensor output = out(op);
        Conv2DOptions o = op.options(Conv2DOptions.class);
        ChannelRequant r = channelRequant(input, filter, output, o.activation(), filter.dim(0));
        return new ConvParams(
                r.quantized(),
                r.inputOffset(),
                r.outputOffset(),
                r.multipliers(),
                r.shifts(),
                r.min(),
                r.max(),
                o.activation().min(),
                o.activation().max(),
                o.strideHeight(),
                o.strideWidth(),
                o.dilationHeight(),
                o.dilationWidth(),
                o.padHeight(input.dim(1), filter.dim(1), output.dim(1)),
                o.padWidth(input.dim(2), filter.dim(2), output.dim(2)),
                input.dim(0),
                input.dim(1),
                input.dim(2),
                input.dim(3),
                filter.dim(1),
                filter.dim(2),
                output.dim(1),
                output.dim(2),
                output.dim(3));
    }

    private DepthwiseConvParams depthwise(Operator op) {
        Tensor input = in(op, 0);
        Tensor filter = in(op, 1);
        Tensor output = out(op);
        DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
        ChannelRequant r = channelRequant(input, filter, output, o.activation(), filter.dim(3));
        return new DepthwiseConvParams(
                r.quantized(),
                r.inputOffset(),
                r.outputOffset(),
                r.multipliers(),
                r.shifts(),
                r.min(),
                r.max(),
                o.activation().min(),
                o.activation().max(),
                o.strideHeight(),
                o.strideWidth(),
                o.dilationHeight(),
                o.dilationWidth(),
                o.padHeight(input.dim(1), filter.dim(1), output.dim(1)),
                o.padWidth(input.dim(2), filter.dim(2), output.dim(2)),
                o.depthMultiplier(),
                input.dim(0),
                input.dim(1),
                input.dim(2),
                input.dim(3),
                filter.dim(1),
                filter.dim(2),
                output.dim(1),
                output.dim(2),
                output.dim(3));
    }

    /**
     * The int8 side of a convolution: offsets, one multiplier per output channel and the clamp; for float32 all zero
     * and the arrays empty.
     */
    private record ChannelRequant(
            boolean quantized, int inputOffset, int outputOffset, int[] multipliers, int[] shifts, int min, int max) {}

    private static ChannelRequant channelRequant(
            Tensor input, Tensor filter, Tensor output, Activation activation, int channels) {
        if (input.type() != DataType.INT8) {
            return new ChannelRequant(false, 0, 0, new int[0], new int[0], 0, 0);
        }
        int[][] requant = perChannelMultipliers(input, filter, output, channels);
        int[] clamp = int8Range(activation, output);
        return new ChannelRequant(
                true,
                -input.quantization().zeroPoint(),
                output.quantization().zeroPoint(),
                requant[0],
                requant[1],
                clamp[0],
                clamp[1]);
    }

    private FullyConnectedParams fullyConnected(Operator op) {
        Tensor input = in(op, 0);
        Tensor weights = in(op, 1);
        Tensor output = out(op);
        FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
        int depth = weights.dim(1);
        int units = weights.dim(0);
        int batches = input.elementCount() / depth;
        boolean quantized = input.type() == DataType.INT8;
        if (!quantized) {
            return new FullyConnectedParams(
                    false,
                    0,
                    0,
                    0,
                    false,
                    new int[0],
                    new int[0],
                    0,
                    0,
                    o.activation().min(),
                    o.activation().max(),
                    batches,
                    depth,
                    units);
        }
        Quantization wq = weights.quantization();
        boolean perChannel = wq.isPerChannel();
        int[][] requant = perChannel
                ? perChannelMultipliers(input, weights, output, units)
                : perTensorMultiplier(input, weights, output);
        int[] clamp = int8Range(o.activation(), output);
        return new FullyConnectedParams(
                true,
                -input.quantization().zeroPoint(),
                -wq.zeroPoint(),
                output.quantization().zeroPoint(),
                perChannel,
                requant[0],
                requant[1],
                clamp[0],
                clamp[1],
                o.activation().min(),
                o.activation().max(),
                batches,
                depth,
                units);
    }

    private PoolParams pool(Operator op, boolean average) {
        Tensor input = in(op, 0);
        Tensor output = out(op);
        Pool2DOptions o = op.options(Pool2DOptions.class);
        int padH = o.padding().paddingBefore(input.dim(1), o.filterHeight(), o.strideHeight(), 1, output.dim(1));
        int padW = o.padding().paddingBefore(input.dim(2), o.filterWidth(), o.strideWidth(), 1, output.dim(2));
        boolean quantized = input.type() == DataType.INT8;
        int[] clamp = quantized ? int8Range(o.activation(), output) : new int[2];
        return new PoolParams(
                quantized,
                average,
                clamp[0],
                clamp[1],
                o.activation().min(),
                o.activation().max(),
                o.strideHeight(),
                o.strideWidth(),
                o.filterHeight(),
                o.filterWidth(),
                padH,
                padW,
                input.dim(0),
                input.dim(1),
                input.dim(2),
                input.dim(3),
                output.dim(1),
                output.dim(2));
    }

    private AddParams add(Operator op) {
        Tensor a = in(op, 0);
        Tensor b = in(op, 1);
        Tensor output = out(op);
        Activation activation = op.options(AddOptions.class).activation();
        int[] shape = output.shape();
        int[] strides1 = broadcastStrides(a.shape(), shape);
        int[] strides2 = broadcastStrides(b.shape(), shape);
        boolean broadcast = !Arrays.equals(a.shape(), shape) || !Arrays.equals(b.shape(), shape);
        if (a.type() != DataType.INT8) {
            return new AddParams(
                    false,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    activation.min(),
                    activation.max(),
                    broadcast,
                    shape,
                    strides1,
                    strides2,
                    output.elementCount());
        }
        float scale1 = a.quantization().scale();
        float scale2 = b.quantization().scale();
        double twiceMaxInputScale = 2 * (double) Math.max(scale1, scale2);
        QuantizedMultiplier m1 = FixedPointMath.quantizeMultiplierSmallerThanOneExp(scale1 / twiceMaxInputScale);
        QuantizedMultiplier m2 = FixedPointMath.quantizeMultiplierSmallerThanOneExp(scale2 / twiceMaxInputScale);
        QuantizedMultiplier mo = FixedPointMath.quantizeMultiplierSmallerThanOneExp(twiceMaxInputScale
                / ((1 << ADD_LEFT_SHIFT) * (double) output.quantization().scale()));
        int[] clamp = int8Range(activation, output);
        return new AddParams(
                true,
                -a.quantization().zeroPoint(),
                -b.quantization().zeroPoint(),
                output.quantization().zeroPoint(),
                ADD_LEFT_SHIFT,
                m1.multiplier(),
                m1.shift(),
                m2.multiplier(),
                m2.shift(),
                mo.multiplier(),
                mo.shift(),
                clamp[0],
                clamp[1],
                activation.min(),
                activation.max(),
                broadcast,
                shape,
                strides1,
                strides2,
                output.elementCount());
    }

    private SoftmaxParams softmax(Operator op) {
        Tensor input = in(op, 0);
        float beta = op.options(SoftmaxOptions.class).beta();
        int depth = input.dim(-1);
        int outer = input.elementCount() / depth;
        if (input.type() != DataType.INT8) {
            return new SoftmaxParams(false, 0, 0, 0, beta, outer, depth);
        }
        QuantizedMultiplier m = FixedPointMath.preprocessSoftmaxScaling(
                beta, input.quantization().scale(), SOFTMAX_SCALED_DIFF_INTEGER_BITS);
        int diffMin = -FixedPointMath.calculateInputRadius(SOFTMAX_SCALED_DIFF_INTEGER_BITS, m.shift(), 31);
        return new SoftmaxParams(true, m.multiplier(), m.shift(), diffMin, beta, outer, depth);
    }

    private QuantizeParams quantize(Operator op) {
        Tensor input = in(op, 0);
        Tensor output = out(op);
        Quantization oq = output.quantization();
        if (input.type() == DataType.FLOAT32) {
            return new QuantizeParams(false, oq.scale(), oq.zeroPoint(), 0, 0, 0, output.elementCount());
        }
        Quantization iq = input.quantization();
        QuantizedMultiplier m = FixedPointMath.quantizeMultiplier((double) iq.scale() / (double) oq.scale());
        return new QuantizeParams(
                true, oq.scale(), oq.zeroPoint(), iq.zeroPoint(), m.multiplier(), m.shift(), output.elementCount());
    }

    private DequantizeParams dequantize(Operator op) {
        Tensor input = in(op, 0);
        return new DequantizeParams(
                input.quantization().scale(), input.quantization().zeroPoint(), input.elementCount());
    }

    /** TFLM {@code PopulateConvolutionQuantizationParams}: one multiplier per output channel. */
    private static int[][] perChannelMultipliers(Tensor input, Tensor filter, Tensor output, int channels) {
        Quantization fq = filter.quantization();
        double inputScale = input.quantization().scale();
        double outputScale = output.quantization().scale();
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        for (int c = 0; c < channels; c++) {
            double filterScale = fq.isPerChannel() ? fq.scale(c) : fq.scale(0);
            QuantizedMultiplier q = FixedPointMath.quantizeMultiplier(inputScale * filterScale / outputScale);
            multipliers[c] = q.multiplier();
            shifts[c] = q.shift();
        }
        return new int[][] {multipliers, shifts};
    }

    /** TFLM {@code GetQuantizedConvolutionMultipler} for per-tensor fully-connected weights. */
    private static int[][] perTensorMultiplier(Tensor input, Tensor filter, Tensor output) {
        double inputProductScale = (double) input.quantization().scale()
                * (double) filter.quantization().scale();
        QuantizedMultiplier q = FixedPointMath.quantizeMultiplier(
                inputProductScale / (double) output.quantization().scale());
        return new int[][] {{q.multiplier()}, {q.shift()}};
    }

    /** TFLM {@code CalculateActivationRangeQuantized} for int8. */
    static int[] int8Range(Activation activation, Tensor output) {
        float scale = output.quantization().scale();
        int zeroPoint = output.quantization().zeroPoint();
        int min = -128;
        int max = 127;
        switch (activation) {
            case RELU -> min = Math.max(min, zeroPoint + FixedPointMath.roundToInt(0f / scale));
            case RELU6 -> {
                min = Math.max(min, zeroPoint + FixedPointMath.roundToInt(0f / scale));
                max = Math.min(max, zeroPoint + FixedPointMath.roundToInt(6f / scale));
            }
            case RELU_N1_TO_1 -> {
                min = Math.max(min, zeroPoint + FixedPointMath.roundToInt(-1f / scale));
                max = Math.min(max, zeroPoint + FixedPointMath.roundToInt(1f / scale));
            }
            case NONE -> {}
        }
        return new int[] {min, max};
    }

    /** Per output dimension, the element stride of an input broadcast to {@code outputShape} (0 where it is 1). */
    private static int[] broadcastStrides(int[] inputShape, int[] outputShape) {
        int rank = outputShape.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int inputAxis = i - (rank - inputShape.length);
            int dim = inputAxis >= 0 ? inputShape[inputAxis] : 1;
            strides[i] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
        return strides;
    }

    private Tensor in(Operator op, int index) {
        return graph.tensor(op.input(index));
    }

    private Tensor out(Operator op) {
        return graph.tensor(op.output(0));
    }
}
