package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained float32 network in a DJL-free, serializable form: the layer list with every layer's output shape and
 * trained parameters. The training worker exports it from DJL; {@link InferenceCheck} runs it in plain Java.
 *
 * <p><b>Bridge to the model graph.</b> This is the hand-over format between training and the rest of the model path.
 * {@link dev.edgeforge.core.learning.export.TrainedNetworkConverter} converts it into the platform-core
 * {@code ModelGraph}:
 * dense → FULLY_CONNECTED, conv1d/conv2d → CONV_2D, depthwise_conv2d → DEPTHWISE_CONV_2D, pools →
 * AVERAGE_POOL_2D/MAX_POOL_2D, flatten/reshape → RESHAPE, softmax → SOFTMAX, add → ADD, relu/relu6 → fused
 * activations or clamps; dropout is the identity and is dropped; batch norm is folded first
 * ({@link #withBatchNormFolded()}).
 *
 * <p><b>Layouts (TFLite conventions).</b> Activations are channels last: {@code [features]}, {@code [time, channels]},
 * {@code [height, width, channels]}. Weights:
 * <ul>
 *   <li>dense: weights {@code [units, inputs]} (FULLY_CONNECTED), bias {@code [units]}; the input index is the
 *       channels-last flat index of the layer's input;</li>
 *   <li>conv2d: weights {@code [filters, kernelHeight, kernelWidth, inputChannels]} (CONV_2D), bias
 *       {@code [filters]};</li>
 *   <li>conv1d: mapped to CONV_2D with height 1: the input {@code [time, channels]} is read as
 *       {@code [1, time, channels]} and the weights are {@code [filters, 1, kernelSize, inputChannels]};</li>
 *   <li>depthwise_conv2d: weights {@code [1, kernelHeight, kernelWidth, inputChannels * depthMultiplier]}
 *       (DEPTHWISE_CONV_2D; output channel {@code c * depthMultiplier + m} reads input channel {@code c}), bias
 *       {@code [inputChannels * depthMultiplier]};</li>
 *   <li>1-D pools are 2-D pools with a {@code 1 x poolSize} window on {@code [1, time, channels]}; all pools use VALID
 *       padding; convolutions use TFLite's SAME/VALID (SAME puts the odd extra zero after the data).</li>
 * </ul>
 *
 * <p><b>Batch norm</b> is kept as its own layer with its parameters (gamma, beta, moving mean and variance,
 * epsilon) exactly as trained, so the export is lossless; {@link #withBatchNormFolded()} folds every batch norm into
 * the dense or convolution layer before it (which {@link ShapeInference} guarantees exists and has no activation):
 * {@code W'[o] = W[o] * s[o]}, {@code b'[o] = (b[o] - mean[o]) * s[o] + beta[o]} with
 * {@code s = gamma / sqrt(variance + epsilon)}, the output channel being axis 0 of dense/conv weights and axis 3 of
 * depthwise weights.
 *
 * @param kind        classification (the output is softmax probabilities) or regression
 * @param inputShape  the shape of one input sample
 * @param outputNames class names or regression target names, in output order
 * @param layers      the layers, output head included
 */
public record TrainedNetwork(
        LearningBlock.Kind kind, TensorShape inputShape, List<String> outputNames, List<TrainedLayer> layers) {

    /** Checks shapes and parameters against the layer specs. */
    public TrainedNetwork {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(inputShape, "inputShape");
        outputNames = List.copyOf(outputNames);
        layers = List.copyOf(layers);
        ShapeReport report = ShapeInference.infer(
                        inputShape, layers.stream().map(TrainedLayer::spec).toList())
                .orThrow();
        for (int i = 0; i < layers.size(); i++) {
            TrainedLayer layer = layers.get(i);
            if (!layer.outputShape().equals(report.outputShapes().get(i))) {
                throw new IllegalArgumentException("layer " + i + " ("
                        + layer.spec().typeName() + ") declares output " + "shape " + layer.outputShape()
                        + " but its spec gives " + report.outputShapes().get(i));
            }
            checkParameters(i, layer, report.inputShapeOf(i));
        }
        TensorShape output =
                layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
        if (output.rank() != 1 || output.dim(0) != outputNames.size()) {
            throw new IllegalArgumentException(
                    "the network outputs " + output + " but has " + outputNames.size() + " output names");
        }
    }

    /** The layer specs, in order. */
    public List<LayerSpec> layerSpecs() {
        return layers.stream().map(TrainedLayer::spec).toList();
    }

    /** The shape of the network's output: {@code [outputs]}. */
    public TensorShape outputShape() {
        return layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
    }

    /**
     * The same network with every batch norm folded into the layer before it and removed; {@link LayerSpec.Add}
     * references are renumbered. Outputs agree with this network up to float rounding.
     */
    public TrainedNetwork withBatchNormFolded() {
        List<TrainedLayer> folded = new ArrayList<>();
        int[] newIndex = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            TrainedLayer layer = layers.get(i);
            if (layer.batchNorm() != null) {
                TrainedLayer previous = folded.remove(folded.size() - 1);
                folded.add(fold(previous, layer));
            } else {
                folded.add(layer);
            }
            newIndex[i] = folded.size() - 1;
        }
        for (int i = 0; i < folded.size(); i++) {
            if (folded.get(i).spec() instanceof LayerSpec.Add add && add.from() >= 0) {
                TrainedLayer layer = folded.get(i);
                folded.set(i, TrainedLayer.of(LayerSpec.add(newIndex[add.from()]), layer.outputShape()));
            }
        }
        return new TrainedNetwork(kind, inputShape, outputNames, folded);
    }

    private static TrainedLayer fold(TrainedLayer weighted, TrainedLayer norm) {
        BatchNormParameters parameters = norm.batchNorm();
        double[] scale = parameters.scale();
        double[] shift = parameters.shift();
        WeightTensor weights = weighted.weights();
        float[] values = weights.values().clone();
        boolean depthwise = weighted.spec() instanceof LayerSpec.DepthwiseConv2d;
        int channels = scale.length;
        int perChannel = values.length / channels;
        for (int i = 0; i < values.length; i++) {
            int channel = depthwise ? i % channels : i / perChannel;
            values[i] = (float) (values[i] * scale[channel]);
        }
        float[] bias = new float[channels];
        for (int c = 0; c < channels; c++) {
            bias[c] = (float) (weighted.bias().get(c) * scale[c] + shift[c]);
        }
        return TrainedLayer.weighted(
                weighted.spec(),
                weighted.outputShape(),
                new WeightTensor(weights.shape(), values),
                new WeightTensor(weighted.bias().shape(), bias));
    }

    private static void checkParameters(int index, TrainedLayer layer, TensorShape in) {
        LayerSpec spec = layer.spec();
        TensorShape expectedWeights = spec.accept(new WeightShape(in));
        if (expectedWeights != null) {
            int channels = layer.outputShape().channels();
            require(
                    index,
                    spec,
                    layer.weights() != null && layer.weights().shape().equals(expectedWeights),
                    "weights must have shape " + expectedWeights + ", got "
                            + (layer.weights() == null
                                    ? "none"
                                    : layer.weights().shape()));
            require(
                    index,
                    spec,
                    layer.bias() != null && layer.bias().shape().equals(TensorShape.of(channels)),
                    "bias must have shape [" + channels + "], got "
                            + (layer.bias() == null ? "none" : layer.bias().shape()));
        } else {
            require(index, spec, layer.weights() == null && layer.bias() == null, "this layer has no weights");
        }
        if (spec instanceof LayerSpec.BatchNorm) {
            require(
                    index,
                    spec,
                    layer.batchNorm() != null && layer.batchNorm().channels() == in.channels(),
                    "batch norm needs parameters for " + in.channels() + " channels");
        } else {
            require(index, spec, layer.batchNorm() == null, "only batch norm layers have batch norm parameters");
        }
    }

    private static void require(int index, LayerSpec spec, boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("layer " + index + " (" + spec.typeName() + "): " + message);
        }
    }

    /** The weight shape of each layer kind for a given input; null for layers without weights. */
    private record WeightShape(TensorShape in) implements LayerSpec.Visitor<TensorShape> {
        @Override
        public TensorShape dense(LayerSpec.Dense layer) {
            return TensorShape.of(layer.units(), in.dim(0));
        }

        @Override
        public TensorShape conv1d(LayerSpec.Conv1d layer) {
            return TensorShape.of(layer.filters(), 1, layer.kernelSize(), in.channels());
        }

        @Override
        public TensorShape conv2d(LayerSpec.Conv2d layer) {
            return TensorShape.of(layer.filters(), layer.kernelHeight(), layer.kernelWidth(), in.channels());
        }

        @Override
        public TensorShape depthwiseConv2d(LayerSpec.DepthwiseConv2d layer) {
            return TensorShape.of(
                    1, layer.kernelHeight(), layer.kernelWidth(), in.channels() * layer.depthMultiplier());
        }

        @Override
        public TensorShape averagePool1d(LayerSpec.AveragePool1d layer) {
            return null;
        }

        @Override
        public TensorShape maxPool1d(LayerSpec.MaxPool1d layer) {
            return null;
        }

        @Override
        public TensorShape averagePool2d(LayerSpec.AveragePool2d layer) {
            return null;
        }

        @Override
        public TensorShape maxPool2d(LayerSpec.MaxPool2d layer) {
            return null;
        }

        @Override
        public TensorShape flatten(LayerSpec.Flatten layer) {
            return null;
        }

        @Override
        public TensorShape reshape(LayerSpec.Reshape layer) {
            return null;
        }

        @Override
        public TensorShape dropout(LayerSpec.Dropout layer) {
            return null;
        }

        @Override
        public TensorShape batchNorm(LayerSpec.BatchNorm layer) {
            return null;
        }

        @Override
        public TensorShape relu(LayerSpec.Relu layer) {
            return null;
        }

        @Override
        public TensorShape relu6(LayerSpec.Relu6 layer) {
            return null;
        }

        @Override
        public TensorShape softmax(LayerSpec.Softmax layer) {
            return null;
        }

        @Override
        public TensorShape add(LayerSpec.Add layer) {
            return null;
        }
    }
}
