package dev.edgeforge.core.model;

import java.util.Arrays;

/**
 * The per-operator rules of {@link ModelGraph#validate()}: arity, ranks, shapes, types and quantization that the
 * kernels rely on. Two type families exist: everything float32, or int8 activations (per-tensor quantization),
 * int8 weights and int32 biases.
 */
final class OperatorRules {

    private final ModelGraph graph;
    private final String where;
    private final Operator op;

    private OperatorRules(ModelGraph graph, String where, Operator op) {
        this.graph = graph;
        this.where = where;
        this.op = op;
    }

    static void check(ModelGraph graph, String where, Operator op) {
        OperatorRules rules = new OperatorRules(graph, where, op);
        switch (op.type()) {
            case CONV_2D -> rules.conv2d();
            case DEPTHWISE_CONV_2D -> rules.depthwiseConv2d();
            case FULLY_CONNECTED -> rules.fullyConnected();
            case AVERAGE_POOL_2D, MAX_POOL_2D -> rules.pool2d();
            case ADD -> rules.add();
            case RESHAPE -> rules.reshape();
            case SOFTMAX -> rules.softmax();
            case QUANTIZE -> rules.quantize();
            case DEQUANTIZE -> rules.dequantize();
        }
    }

    private void conv2d() {
        Tensor input = convolutionInput();
        Tensor filter = graph.tensor(op.input(1));
        Tensor output = output();
        if (filter.dim(3) != input.dim(3)) {
            fail("filter " + Shapes.format(filter.shape()) + " expects " + filter.dim(3) + " input channels, input "
                    + Shapes.format(input.shape()) + " has " + input.dim(3));
        }
        convolutionOutput(input, filter, output, op.options(Conv2DOptions.class), filter.dim(0));
        weightedTypes(input, filter, output, 0);
    }

    private void depthwiseConv2d() {
        Tensor input = convolutionInput();
        Tensor filter = graph.tensor(op.input(1));
        Tensor output = output();
        DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
        if (filter.dim(0) != 1) {
            fail("depthwise filter " + Shapes.format(filter.shape()) + " must have first dimension 1");
        }
        if ((long) input.dim(3) * o.depthMultiplier() != filter.dim(3)) {
            fail("depthwise filter has " + filter.dim(3) + " channels, input has " + input.dim(3)
                    + " channels × depth multiplier " + o.depthMultiplier());
        }
        convolutionOutput(input, filter, output, o, filter.dim(3));
        weightedTypes(input, filter, output, 3);
    }

    private void fullyConnected() {
        arity(2, 3, 1);
        Tensor input = required(0, "input");
        Tensor weights = required(1, "weights");
        Tensor output = output();
        rank(weights, 2, "weights");
        constant(weights, "weights");
        int units = weights.dim(0);
        int depth = weights.dim(1);
        if (input.rank() < 1 || input.elementCount() % depth != 0) {
            fail("input " + Shapes.format(input.shape()) + " is not a whole number of rows of depth " + depth);
        }
        int batches = input.elementCount() / depth;
        if (output.rank() < 1 || output.dim(-1) != units || (long) batches * units != output.elementCount()) {
            fail("output " + Shapes.format(output.shape()) + " should hold " + batches + " rows of " + units
                    + " units");
        }
        if (op.options(FullyConnectedOptions.class).keepNumDims()) {
            int[] expected = input.shape();
            expected[expected.length - 1] = units;
            if (!Arrays.equals(expected, output.shape())) {
                fail("keepNumDims output should be " + Shapes.format(expected) + ", is "
                        + Shapes.format(output.shape()));
            }
        }
        weightedTypes(input, weights, output, 0);
    }

    private void pool2d() {
        arity(1, 1, 1);
        Tensor input = required(0, "input");
        Tensor output = output();
        rank(input, 4, "input");
        rank(output, 4, "output");
        Pool2DOptions o = op.options(Pool2DOptions.class);
        spatialOutput(
                input,
                output,
                o.filterHeight(),
                o.filterWidth(),
                o.padding(),
                o.strideHeight(),
                o.strideWidth(),
                1,
                1,
                input.dim(3));
        sameFamily(input, output);
        if (input.type() == DataType.INT8 && !sameQuantization(input, output)) {
            fail("int8 pooling needs the same scale and zero point on input and output");
        }
    }

    private void add() {
        arity(2, 2, 1);
        Tensor a = required(0, "first input");
        Tensor b = required(1, "second input");
        Tensor output = output();
        int[] broadcast = broadcastShape(a.shape(), b.shape());
        if (broadcast == null || !Arrays.equals(broadcast, output.shape())) {
            fail("cannot add " + Shapes.format(a.shape()) + " and " + Shapes.format(b.shape()) + " into "
                    + Shapes.format(output.shape()));
        }
        sameFamily(a, output);
        sameFamily(b, output);
    }

    private void reshape() {
        arity(1, 2, 1);
        Tensor input = required(0, "input");
        Tensor output = output();
        if (input.elementCount() != output.elementCount()) {
            fail("reshape from " + Shapes.format(input.shape()) + " to " + Shapes.format(output.shape())
                    + " changes the element count");
        }
        if (op.hasInput(1)) {
            Tensor shape = graph.tensor(op.input(1));
            if (shape.type() != DataType.INT32 || shape.rank() != 1) {
                fail("the shape input " + shape.describe() + " must be a rank-1 int32 tensor");
            }
        }
        if (input.type() != output.type()) {
            fail("reshape changes the type from " + input.type().displayName() + " to "
                    + output.type().displayName());
        }
        if (input.type() == DataType.INT8 && !sameQuantization(input, output)) {
            fail("int8 reshape needs the same scale and zero point on input and output");
        }
    }

    private void softmax() {
        arity(1, 1, 1);
        Tensor input = required(0, "input");
        Tensor output = output();
        if (!Arrays.equals(input.shape(), output.shape()) || input.rank() < 1) {
            fail("softmax input " + Shapes.format(input.shape()) + " and output " + Shapes.format(output.shape())
                    + " must have the same shape");
        }
        sameFamily(input, output);
        if (output.type() == DataType.INT8) {
            Quantization q = output.quantization();
            if (q.zeroPoint() != -128 || Math.abs(q.scale() - 1f / 256) > 0.001f / 256) {
                fail("int8 softmax output needs scale 1/256 and zero point -128, " + output.describe() + " has " + q);
            }
        }
    }

    private void quantize() {
        arity(1, 1, 1);
        Tensor input = required(0, "input");
        Tensor output = output();
        sameShape(input, output);
        if (input.type() != DataType.FLOAT32 && input.type() != DataType.INT8) {
            fail("QUANTIZE reads float32 or int8, not " + input.type().displayName());
        }
        if (input.type() == DataType.INT8) {
            activationInt8(input, "input");
        }
        if (output.type() != DataType.INT8) {
            fail("QUANTIZE writes int8, not " + output.type().displayName());
        }
        activationInt8(output, "output");
    }

    private void dequantize() {
        arity(1, 1, 1);
        Tensor input = required(0, "input");
        Tensor output = output();
        sameShape(input, output);
        if (input.type() != DataType.INT8) {
            fail("DEQUANTIZE reads int8, not " + input.type().displayName());
        }
        activationInt8(input, "input");
        if (output.type() != DataType.FLOAT32) {
            fail("DEQUANTIZE writes float32, not " + output.type().displayName());
        }
    }

    /**
     * The checks both convolutions start with: 2 or 3 inputs and one output, rank-4 input, filter and output, a
     * constant filter.
     *
     * @return the input
     */
    private Tensor convolutionInput() {
        arity(2, 3, 1);
        Tensor input = required(0, "input");
        Tensor filter = required(1, "filter");
        rank(input, 4, "input");
        rank(filter, 4, "filter");
        rank(output(), 4, "output");
        constant(filter, "filter");
        return input;
    }

    /** Output spatial size and channel count of a convolution with a {@code [_, height, width, _]} filter. */
    private void convolutionOutput(Tensor input, Tensor filter, Tensor output, ConvolutionOptions o, int channels) {
        spatialOutput(
                input,
                output,
                filter.dim(1),
                filter.dim(2),
                o.padding(),
                o.strideHeight(),
                o.strideWidth(),
                o.dilationHeight(),
                o.dilationWidth(),
                channels);
    }

    /** Output spatial size and channel count of a conv or pool, as TFLite computes them. */
    private void spatialOutput(
            Tensor input,
            Tensor output,
            int filterHeight,
            int filterWidth,
            Padding padding,
            int strideHeight,
            int strideWidth,
            int dilationHeight,
            int dilationWidth,
            int channels) {
        int height = padding.outputSize(input.dim(1), filterHeight, strideHeight, dilationHeight);
        int width = padding.outputSize(input.dim(2), filterWidth, strideWidth, dilationWidth);
        int[] expected = {input.dim(0), height, width, channels};
        if (!Arrays.equals(expected, output.shape())) {
            fail("output shape " + Shapes.format(output.shape()) + " should be " + Shapes.format(expected)
                    + " for input " + Shapes.format(input.shape()) + ", filter " + filterHeight + "x" + filterWidth
                    + ", " + padding + " padding, strides " + strideHeight + "x" + strideWidth);
        }
    }

    /** Types of conv/depthwise/fully-connected: all float32, or int8 activations, int8 weights and int32 bias. */
    private void weightedTypes(Tensor input, Tensor weights, Tensor output, int channelAxis) {
        Tensor bias = op.hasInput(2) ? graph.tensor(op.input(2)) : null;
        int channels = weights.dim(channelAxis);
        if (bias != null) {
            constant(bias, "bias");
            if (bias.elementCount() != channels) {
                fail("bias " + bias.describe() + " should have " + channels + " elements");
            }
        }
        if (input.type() == DataType.FLOAT32) {
            for (Tensor t : new Tensor[] {weights, output, bias}) {
                if (t != null && t.type() != DataType.FLOAT32) {
                    fail("float32 input needs float32 weights, bias and output; " + t.describe() + " is not");
                }
            }
            return;
        }
        if (input.type() != DataType.INT8) {
            fail("input type " + input.type().displayName() + " is not supported (float32 or int8)");
        }
        activationInt8(input, "input");
        activationInt8(output, "output");
        if (weights.type() != DataType.INT8 || weights.quantization() == null) {
            fail("int8 input needs quantized int8 weights; " + weights.describe() + " is not");
        }
        Quantization wq = weights.quantization();
        if (wq.isPerChannel() && (wq.quantizedDimension() != channelAxis || wq.channelCount() != channels)) {
            fail("per-channel weights " + weights.describe() + " need " + channels + " scales on axis " + channelAxis
                    + ", have " + wq.channelCount() + " on axis " + wq.quantizedDimension());
        }
        if (op.type() != OpType.FULLY_CONNECTED) {
            for (long zp : wq.zeroPoints()) {
                if (zp != 0) {
                    fail("int8 convolution weights must be symmetric (zero point 0); " + weights.describe() + " has "
                            + zp);
                }
            }
        } else if (wq.zeroPoint() < -128 || wq.zeroPoint() > 127) {
            fail("weights zero point " + wq.zeroPoint() + " is outside int8");
        }
        if (bias != null && bias.type() != DataType.INT32) {
            fail("int8 layers need an int32 bias; " + bias.describe() + " is not");
        }
    }

    private void activationInt8(Tensor tensor, String role) {
        Quantization q = tensor.quantization();
        if (tensor.type() != DataType.INT8 || q == null || q.isPerChannel()) {
            fail(role + " " + tensor.describe() + " must be int8 with per-tensor quantization");
        }
        if (q.zeroPoint(0) < -128 || q.zeroPoint(0) > 127) {
            fail(role + " " + tensor.describe() + " has zero point " + q.zeroPoint(0) + " outside int8");
        }
    }

    private void sameFamily(Tensor input, Tensor output) {
        if (input.type() != output.type()) {
            fail(input.describe() + " and " + output.describe() + " must have the same type");
        }
        if (input.type() == DataType.INT8) {
            activationInt8(input, "input");
            activationInt8(output, "output");
        } else if (input.type() != DataType.FLOAT32) {
            fail("type " + input.type().displayName() + " is not supported (float32 or int8)");
        }
    }

    private void sameShape(Tensor input, Tensor output) {
        if (!Arrays.equals(input.shape(), output.shape())) {
            fail("input " + Shapes.format(input.shape()) + " and output " + Shapes.format(output.shape())
                    + " must have the same shape");
        }
    }

    private static boolean sameQuantization(Tensor a, Tensor b) {
        return a.quantization() != null
                && b.quantization() != null
                && a.quantization().scale() == b.quantization().scale()
                && a.quantization().zeroPoint() == b.quantization().zeroPoint();
    }

    /** NumPy-style broadcast of two shapes, or null when they do not broadcast. */
    static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            result[i] = Math.max(da, db);
        }
        return result;
    }

    private void arity(int minInputs, int maxInputs, int outputs) {
        if (op.inputCount() < minInputs || op.inputCount() > maxInputs) {
            fail("has " + op.inputCount() + " inputs, needs "
                    + (minInputs == maxInputs ? minInputs : minInputs + " to " + maxInputs));
        }
        if (op.outputCount() != outputs) {
            fail("has " + op.outputCount() + " outputs, needs " + outputs);
        }
    }

    private Tensor required(int index, String role) {
        if (!op.hasInput(index)) {
            fail("lacks its " + role);
        }
        return graph.tensor(op.input(index));
    }

    private Tensor output() {
        return graph.tensor(op.output(0));
    }

    private void rank(Tensor tensor, int rank, String role) {
        if (tensor.rank() != rank) {
            fail(role + " " + tensor.describe() + " must have rank " + rank);
        }
    }

    private void constant(Tensor tensor, String role) {
        if (!tensor.isConstant()) {
            fail(role + " " + tensor.describe() + " must be a constant");
        }
    }

    private void fail(String message) {
        throw new ModelGraphViolation(where + ": " + message);
    }
}
