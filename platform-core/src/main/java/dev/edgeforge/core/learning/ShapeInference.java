package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a layer list against an input shape: every layer's parameters, the shape each layer produces, the residual
 * references of {@link LayerSpec.Add} and the placement rule of {@link LayerSpec.BatchNorm}.
 *
 * <p>Parameter problems are reported for all layers; shape inference stops at the first layer whose input it cannot
 * accept, because every later shape would be a guess.
 */
public final class ShapeInference {

    private ShapeInference() {}

    /** Infers the output shape of every layer for samples of shape {@code input}. */
    public static ShapeReport infer(TensorShape input, List<LayerSpec> layers) {
        List<LayerProblem> problems = new ArrayList<>();
        int firstBadLayer = layers.size();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer == null) {
                problems.add(new LayerProblem(i, "?", "the layer is missing (null)"));
                firstBadLayer = Math.min(firstBadLayer, i);
                continue;
            }
            for (String problem : layer.parameterProblems()) {
                problems.add(new LayerProblem(i, layer.typeName(), problem));
                firstBadLayer = Math.min(firstBadLayer, i);
            }
        }
        checkBatchNormPlacement(layers, problems);
        List<TensorShape> shapes = new ArrayList<>();
        TensorShape current = input;
        // Shapes after a layer with bad parameters would be guesses: stop there (its problem is already reported).
        for (int i = 0; i < firstBadLayer; i++) {
            LayerSpec layer = layers.get(i);
            try {
                if (layer instanceof LayerSpec.Add add) {
                    checkAdd(i, add, input, shapes, current);
                }
                current = layer.accept(new OutputShape(current));
                shapes.add(current);
            } catch (ShapeMismatch mismatch) {
                problems.add(new LayerProblem(i, layer.typeName(), mismatch.getMessage()));
                break;
            }
        }
        problems.sort(Comparator.comparingInt(LayerProblem::layerIndex));
        return new ShapeReport(input, shapes, problems);
    }

    private static void checkAdd(
            int index, LayerSpec.Add add, TensorShape input, List<TensorShape> shapes, TensorShape current) {
        if (add.from() >= index - 1) {
            throw new ShapeMismatch("from must reference a layer before the previous one (at most " + (index - 2)
                    + ", or -1 for the input), got " + add.from());
        }
        TensorShape other = add.from() == -1 ? input : shapes.get(add.from());
        if (!other.equals(current)) {
            throw new ShapeMismatch(
                    "cannot add the output of " + (add.from() == -1 ? "the input" : "layer " + add.from())
                            + " with shape " + other + " to the previous layer's output with shape " + current
                            + "; shapes must be equal");
        }
    }

    /**
     * Batch norm is folded into the weights of the layer before it for the int8 path, so that layer must be a dense
     * or convolution layer without activation, and no residual connection may read the unfolded value in between.
     */
    private static void checkBatchNormPlacement(List<LayerSpec> layers, List<LayerProblem> problems) {
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof LayerSpec.BatchNorm)) {
                continue;
            }
            LayerSpec previous = i == 0 ? null : layers.get(i - 1);
            if (!isFoldTarget(previous)) {
                problems.add(new LayerProblem(
                        i,
                        "batch_norm",
                        "batch norm must directly follow a dense, conv1d, conv2d or depthwise_conv2d layer with"
                                + " activation 'none' so that it can be folded into its weights; put the activation"
                                + " after the batch norm"));
                continue;
            }
            for (int j = i + 1; j < layers.size(); j++) {
                if (layers.get(j) instanceof LayerSpec.Add add && add.from() == i - 1) {
                    problems.add(new LayerProblem(
                            j,
                            "add",
                            "from " + add.from() + " reads the output of layer "
                                    + (i - 1) + " before the batch norm at layer " + i + " that is folded into it; "
                                    + "reference layer " + i + " instead"));
                }
            }
        }
    }

    /** Whether batch norm can be folded into {@code layer}. */
    static boolean isFoldTarget(LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense d) {
            return d.activation() == Activation.NONE;
        }
        if (layer instanceof LayerSpec.Conv1d c) {
            return c.activation() == Activation.NONE;
        }
        if (layer instanceof LayerSpec.Conv2d c) {
            return c.activation() == Activation.NONE;
        }
        if (layer instanceof LayerSpec.DepthwiseConv2d c) {
            return c.activation() == Activation.NONE;
        }
        return false;
    }

    /** A shape rule violated by one layer; becomes a {@link LayerProblem}. */
    private static final class ShapeMismatch extends RuntimeException {
        ShapeMismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** The shape rule of every layer kind. */
    private record OutputShape(TensorShape in) implements LayerSpec.Visitor<TensorShape> {

        @Override
        public TensorShape dense(LayerSpec.Dense layer) {
            requireRank(1, "a flat input [features]", "add a flatten layer before it");
            return TensorShape.of(layer.units());
        }

        @Override
        public TensorShape conv1d(LayerSpec.Conv1d layer) {
            requireRank(2, "a time series [time, channels]", "add a reshape layer before it");
            int time = convLength("time", in.dim(0), layer.kernelSize(), layer.stride(), layer.padding());
            return TensorShape.of(time, layer.filters());
        }

        @Override
        public TensorShape conv2d(LayerSpec.Conv2d layer) {
            requireRank(3, "a 2-D input [height, width, channels]", "add a reshape layer before it");
            int h = convLength("height", in.dim(0), layer.kernelHeight(), layer.stride(), layer.padding());
            int w = convLength("width", in.dim(1), layer.kernelWidth(), layer.stride(), layer.padding());
            return TensorShape.of(h, w, layer.filters());
        }

        @Override
        public TensorShape depthwiseConv2d(LayerSpec.DepthwiseConv2d layer) {
            requireRank(3, "a 2-D input [height, width, channels]", "add a reshape layer before it");
            int h = convLength("height", in.dim(0), layer.kernelHeight(), layer.stride(), layer.padding());
            int w = convLength("width", in.dim(1), layer.kernelWidth(), layer.stride(), layer.padding());
            return TensorShape.of(h, w, in.dim(2) * layer.depthMultiplier());
        }

        @Override
        public TensorShape averagePool1d(LayerSpec.AveragePool1d layer) {
            return pool1d(layer.poolSize(), layer.stride());
        }

        @Override
        public TensorShape maxPool1d(LayerSpec.MaxPool1d layer) {
            return pool1d(layer.poolSize(), layer.stride());
        }

        @Override
        public TensorShape averagePool2d(LayerSpec.AveragePool2d layer) {
            return pool2d(layer.poolSize(), layer.stride());
        }

        @Override
        public TensorShape maxPool2d(LayerSpec.MaxPool2d layer) {
            return pool2d(layer.poolSize(), layer.stride());
        }

        @Override
        public TensorShape flatten(LayerSpec.Flatten layer) {
            return TensorShape.of(in.elementCount());
        }

        @Override
        public TensorShape reshape(LayerSpec.Reshape layer) {
            int known = 1;
            int inferredAxis = -1;
            for (int i = 0; i < layer.shape().size(); i++) {
                int d = layer.shape().get(i);
                if (d == -1) {
                    inferredAxis = i;
                } else {
                    known *= d;
                }
            }
            int elements = in.elementCount();
            int[] dims = layer.shape().stream().mapToInt(Integer::intValue).toArray();
            if (inferredAxis >= 0) {
                if (elements % known != 0) {
                    throw new ShapeMismatch("cannot reshape " + in + " (" + elements + " values) to " + layer.shape()
                            + ": " + elements + " is not a multiple of " + known);
                }
                dims[inferredAxis] = elements / known;
            } else if (known != elements) {
                throw new ShapeMismatch("cannot reshape " + in + " (" + elements + " values) to " + layer.shape() + " ("
                        + known + " values)");
            }
            return TensorShape.of(dims);
        }

        @Override
        public TensorShape dropout(LayerSpec.Dropout layer) {
            return in;
        }

        @Override
        public TensorShape batchNorm(LayerSpec.BatchNorm layer) {
            return in;
        }

        @Override
        public TensorShape relu(LayerSpec.Relu layer) {
            return in;
        }

        @Override
        public TensorShape relu6(LayerSpec.Relu6 layer) {
            return in;
        }

        @Override
        public TensorShape softmax(LayerSpec.Softmax layer) {
            return in;
        }

        @Override
        public TensorShape add(LayerSpec.Add layer) {
            return in;
        }

        private void requireRank(int rank, String what, String hint) {
            if (in.rank() != rank) {
                throw new ShapeMismatch("needs " + what + " but gets " + in + "; " + hint);
            }
        }

        private int convLength(String axis, int length, int kernel, int stride, Padding padding) {
            int out = padding.outputLength(length, kernel, stride);
            if (out < 1) {
                throw new ShapeMismatch("kernel " + axis + " " + kernel + " is larger than the input " + axis + " "
                        + length + " with padding 'valid'; use padding 'same' or a smaller kernel");
            }
            return out;
        }

        private TensorShape pool1d(int size, int stride) {
            requireRank(2, "a time series [time, channels]", "add a reshape layer before it");
            return TensorShape.of(poolLength("time", in.dim(0), size, stride), in.dim(1));
        }

        private TensorShape pool2d(int size, int stride) {
            requireRank(3, "a 2-D input [height, width, channels]", "add a reshape layer before it");
            return TensorShape.of(
                    poolLength("height", in.dim(0), size, stride),
                    poolLength("width", in.dim(1), size, stride),
                    in.dim(2));
        }

        private int poolLength(String axis, int length, int size, int stride) {
            if (size > length) {
                throw new ShapeMismatch("pool size " + size + " is larger than the input " + axis + " " + length);
            }
            return Padding.VALID.outputLength(length, size, stride);
        }
    }
}
