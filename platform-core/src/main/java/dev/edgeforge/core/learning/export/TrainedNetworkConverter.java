package dev.edgeforge.core.learning.export;

import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.AddOptions;
import dev.edgeforge.core.model.Conv2DOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.DepthwiseConv2DOptions;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.OperatorOptions;
import dev.edgeforge.core.model.Padding;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.ReshapeOptions;
import dev.edgeforge.core.model.SoftmaxOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a {@link TrainedNetwork} into a float32 {@link ModelGraph} with the network's output names as labels.
 *
 * <p>Batch norm is folded first ({@link TrainedNetwork#withBatchNormFolded()}). Then every layer maps to TFLite
 * operators:
 * <ul>
 *   <li>dense → FULLY_CONNECTED (weights {@code [units, inputs]}), its activation fused;</li>
 *   <li>conv1d → CONV_2D with height 1 (filter {@code [filters, 1, kernel, channels]}), conv2d → CONV_2D,
 *       depthwise_conv2d → DEPTHWISE_CONV_2D, activations fused;</li>
 *   <li>average/max pool 1-D → AVERAGE/MAX_POOL_2D with a {@code 1 × size} window, 2-D pools square; VALID
 * padding;</li>
 *   <li>flatten and reshape → RESHAPE (with a constant int32 shape) when the tensor shape changes, else nothing;</li>
 *   <li>dropout → nothing (the identity at inference);</li>
 *   <li>softmax → SOFTMAX (beta 1); add → ADD;</li>
 *   <li>relu/relu6 → fused into the operator that produced their input (FULLY_CONNECTED, CONV_2D,
 *       DEPTHWISE_CONV_2D, ADD or a pool) by tightening its fused activation, when nothing else reads the value before
 *       the activation. Otherwise — a ReLU on the graph input, after a reshape or softmax, or whose input a residual
 *       add also reads — the graph has no standalone clamp operator, so it becomes a 1×1 MAX_POOL_2D with the fused
 *       activation (the identity pool plus a clamp; exact in float32 and int8), with RESHAPEs around it when the
 *       value is not 4-D.</li>
 * </ul>
 *
 * <p>Tensor shapes: a sample of shape {@code [features]} is {@code [1, features]} in the graph, {@code [time,
 * channels]} is {@code [1, 1, time, channels]} (so conv1d and 1-D pools are their 2-D operators with height 1 and the
 * graph input needs no reshape) and {@code [height, width, channels]} is {@code [1, height, width, channels]}.
 * Element order is the same channels-last order in both, so a flat feature vector is the input as it is.
 *
 * <p>Tensors are named after their layer: {@code 03_dense}, {@code 03_dense/weights}, {@code 03_dense/bias}; the
 * graph input is {@code input}. The graph's metadata records the network kind ({@code kind}: classification or
 * regression).
 */
public final class TrainedNetworkConverter {

    /**
     * The float32 graph of {@code network}.
     *
     * @throws ConversionViolation when the network computes nothing (its output is its input: only dropout,
     *                             flatten or reshape layers), which no network the trainer builds does
     */
    public ModelGraph convert(TrainedNetwork network) {
        return new Conversion(network.withBatchNormFolded()).run();
    }

    /** The graph shape of a sample shape: batch 1 in front, rank-2 samples as 4-D with height 1. */
    public static int[] graphShape(TensorShape sample) {
        return switch (sample.rank()) {
            case 1 -> new int[] {1, sample.dim(0)};
            case 2 -> new int[] {1, 1, sample.dim(0), sample.dim(1)};
            case 3 -> new int[] {1, sample.dim(0), sample.dim(1), sample.dim(2)};
            default -> throw new IllegalArgumentException("samples of rank " + sample.rank() + " are not supported");
        };
    }

    /** One conversion: the builder, the operators so far (kept apart so fusion can rewrite them) and the values. */
    private static final class Conversion implements LayerSpec.Visitor<Integer> {

        private final TrainedNetwork network;
        private final List<TrainedLayer> layers;
        private final ModelGraph.Builder builder = ModelGraph.builder();
        private final List<Operator> operators = new ArrayList<>();
        /** Tensor id → index (in {@link #operators}) of the operator that writes it. */
        private final Map<Integer, Integer> producer = new HashMap<>();
        /** Tensor id holding the output of each layer; several layers may share one (dropout, fused activations). */
        private final int[] values;

        private final int input;
        private int index;
        private int current;
        private TensorShape inShape;

        Conversion(TrainedNetwork network) {
            this.network = network;
            this.layers = network.layers();
            this.values = new int[layers.size()];
            this.input = builder.addTensor("input", DataType.FLOAT32, graphShape(network.inputShape()));
        }

        ModelGraph run() {
            current = input;
            inShape = network.inputShape();
            for (index = 0; index < layers.size(); index++) {
                TrainedLayer layer = layers.get(index);
                current = layer.spec().accept(this);
                values[index] = current;
                inShape = layer.outputShape();
            }
            if (current == input) {
                throw new ConversionViolation("the network computes nothing: its output is its input");
            }
            operators.forEach(builder::addOperator);
            return builder.setInputs(input)
                    .setOutputs(current)
                    .optLabels(network.outputNames())
                    .optDescription("EdgeForge " + kindName() + " network, " + layers.size() + " layers")
                    .optMetadata("kind", kindName())
                    .build();
        }

        private String kindName() {
            return network.kind() == LearningBlock.Kind.CLASSIFICATION
                    ? "classification"
                    : network.kind().name().toLowerCase(Locale.ROOT);
        }

        private TrainedLayer layer() {
            return layers.get(index);
        }

        private String name() {
            return String.format(Locale.ROOT, "%02d_%s", index, layer().spec().typeName());
        }

        private int output() {
            return builder.addTensor(name(), DataType.FLOAT32, graphShape(layer().outputShape()));
        }

        private int add(OpType type, OperatorOptions options, int[] inputs, int output) {
            operators.add(new Operator(type, options, inputs, new int[] {output}));
            producer.put(output, operators.size() - 1);
            return output;
        }

        /** Weights and bias as constants; returns {@code {weights, bias}}. */
        private int[] parameters() {
            TrainedLayer layer = layer();
            int weights = builder.addFloatConstant(
                    name() + "/weights",
                    layer.weights().shape().toArray(),
                    layer.weights().values());
            int bias = builder.addFloatConstant(
                    name() + "/bias",
                    layer.bias().shape().toArray(),
                    layer.bias().values());
            return new int[] {weights, bias};
        }

        @Override
        public Integer dense(LayerSpec.Dense spec) {
            int[] p = parameters();
            return add(
                    OpType.FULLY_CONNECTED,
                    FullyConnectedOptions.of(activation(spec.activation())),
                    new int[] {current, p[0], p[1]},
                    output());
        }

        @Override
        public Integer conv1d(LayerSpec.Conv1d spec) {
            int[] p = parameters();
            return add(
                    OpType.CONV_2D,
                    Conv2DOptions.of(padding(spec.padding()), 1, spec.stride(), activation(spec.activation())),
                    new int[] {current, p[0], p[1]},
                    output());
        }

        @Override
        public Integer conv2d(LayerSpec.Conv2d spec) {
            int[] p = parameters();
            return add(
                    OpType.CONV_2D,
                    Conv2DOptions.of(
                            padding(spec.padding()), spec.stride(), spec.stride(), activation(spec.activation())),
                    new int[] {current, p[0], p[1]},
                    output());
        }

        @Override
        public Integer depthwiseConv2d(LayerSpec.DepthwiseConv2d spec) {
            int[] p = parameters();
            return add(
                    OpType.DEPTHWISE_CONV_2D,
                    DepthwiseConv2DOptions.of(
                            padding(spec.padding()),
                            spec.stride(),
                            spec.stride(),
                            spec.depthMultiplier(),
                            activation(spec.activation())),
                    new int[] {current, p[0], p[1]},
                    output());
        }

        @Override
        public Integer averagePool1d(LayerSpec.AveragePool1d spec) {
            return pool(OpType.AVERAGE_POOL_2D, 1, spec.poolSize(), 1, spec.stride());
        }

        @Override
        public Integer maxPool1d(LayerSpec.MaxPool1d spec) {
            return pool(OpType.MAX_POOL_2D, 1, spec.poolSize(), 1, spec.stride());
        }

        @Override
        public Integer averagePool2d(LayerSpec.AveragePool2d spec) {
            return pool(OpType.AVERAGE_POOL_2D, spec.poolSize(), spec.poolSize(), spec.stride(), spec.stride());
        }

        @Override
        public Integer maxPool2d(LayerSpec.MaxPool2d spec) {
            return pool(OpType.MAX_POOL_2D, spec.poolSize(), spec.poolSize(), spec.stride(), spec.stride());
        }

        private int pool(OpType type, int filterHeight, int filterWidth, int strideHeight, int strideWidth) {
            return add(
                    type,
                    new Pool2DOptions(
                            Padding.VALID, strideHeight, strideWidth, filterHeight, filterWidth, Activation.NONE),
                    new int[] {current},
                    output());
        }

        @Override
        public Integer flatten(LayerSpec.Flatten spec) {
            return reshapeTo(graphShape(layer().outputShape()), name());
        }

        @Override
        public Integer reshape(LayerSpec.Reshape spec) {
            return reshapeTo(graphShape(layer().outputShape()), name());
        }

        /** {@code current} reshaped to {@code shape}: a RESHAPE when the shape differs, else {@code current}. */
        private int reshapeTo(int[] shape, String tensorName) {
            if (Arrays.equals(builder.tensor(current).shape(), shape)) {
                return current;
            }
            int shapeTensor = builder.addInt32Constant(tensorName + "/shape", new int[] {shape.length}, null, shape);
            int out = builder.addTensor(tensorName, DataType.FLOAT32, shape);
            return add(OpType.RESHAPE, new ReshapeOptions(shape), new int[] {current, shapeTensor}, out);
        }

        @Override
        public Integer dropout(LayerSpec.Dropout spec) {
            return current;
        }

        @Override
        public Integer batchNorm(LayerSpec.BatchNorm spec) {
            // withBatchNormFolded() removed every batch norm; one left here would be a bug in the folding.
            throw new ConversionViolation("layer " + index + " (batch_norm) was not folded into the layer before it");
        }

        @Override
        public Integer relu(LayerSpec.Relu spec) {
            return clamp(Activation.RELU);
        }

        @Override
        public Integer relu6(LayerSpec.Relu6 spec) {
            return clamp(Activation.RELU6);
        }

        @Override
        public Integer softmax(LayerSpec.Softmax spec) {
            return add(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {current}, output());
        }

        @Override
        public Integer add(LayerSpec.Add spec) {
            int other = spec.from() == -1 ? input : values[spec.from()];
            return add(OpType.ADD, new AddOptions(Activation.NONE), new int[] {current, other}, output());
        }

        /** A standalone activation: fused into the producer of {@code current} when possible, else a 1×1 max pool. */
        private int clamp(Activation activation) {
            Integer producerIndex = producer.get(current);
            if (producerIndex != null && canFuseInto(producerIndex)) {
                Operator op = operators.get(producerIndex);
                Activation combined = combine(fusedActivation(op.options()), activation);
                if (combined != null) {
                    operators.set(
                            producerIndex,
                            new Operator(op.type(), withActivation(op.options(), combined), op.inputs(), op.outputs()));
                    return current;
                }
            }
            int[] shape = builder.tensor(current).shape();
            boolean fourD = shape.length == 4;
            if (!fourD) {
                current = reshapeTo(new int[] {1, 1, 1, builder.tensor(current).elementCount()}, name() + "/4d");
            }
            int pooled = builder.addTensor(
                    fourD ? name() : name() + "/clamped",
                    DataType.FLOAT32,
                    builder.tensor(current).shape());
            current = add(
                    OpType.MAX_POOL_2D,
                    new Pool2DOptions(Padding.VALID, 1, 1, 1, 1, activation),
                    new int[] {current},
                    pooled);
            if (!fourD) {
                current = reshapeTo(shape, name());
            }
            return current;
        }

        /**
         * Whether the activation may be moved into operator {@code producerIndex}: it must support a fused activation,
         * and no other operator may read its output before the activation — neither one added already nor a later
         * residual add that references a layer whose value is that same tensor.
         */
        private boolean canFuseInto(int producerIndex) {
            Operator op = operators.get(producerIndex);
            if (fusedActivation(op.options()) == null) {
                return false;
            }
            for (int i = producerIndex + 1; i < operators.size(); i++) {
                for (int id : operators.get(i).inputs()) {
                    if (id == current) {
                        return false;
                    }
                }
            }
            for (int j = index + 1; j < layers.size(); j++) {
                if (layers.get(j).spec() instanceof LayerSpec.Add add
                        && add.from() >= 0
                        && add.from() < index
                        && values[add.from()] == current) {
                    return false;
                }
            }
            return true;
        }

        private static Activation fusedActivation(OperatorOptions options) {
            if (options instanceof FullyConnectedOptions o) {
                return o.activation();
            }
            if (options instanceof Conv2DOptions o) {
                return o.activation();
            }
            if (options instanceof DepthwiseConv2DOptions o) {
                return o.activation();
            }
            if (options instanceof AddOptions o) {
                return o.activation();
            }
            if (options instanceof Pool2DOptions o) {
                return o.activation();
            }
            return null;
        }

        private static OperatorOptions withActivation(OperatorOptions options, Activation activation) {
            if (options instanceof FullyConnectedOptions o) {
                return new FullyConnectedOptions(activation, o.keepNumDims());
            }
            if (options instanceof Conv2DOptions o) {
                return new Conv2DOptions(
                        o.padding(),
                        o.strideHeight(),
                        o.strideWidth(),
                        o.dilationHeight(),
                        o.dilationWidth(),
                        activation);
            }
            if (options instanceof DepthwiseConv2DOptions o) {
                return new DepthwiseConv2DOptions(
                        o.padding(),
                        o.strideHeight(),
                        o.strideWidth(),
                        o.depthMultiplier(),
                        o.dilationHeight(),
                        o.dilationWidth(),
                        activation);
            }
            if (options instanceof AddOptions) {
                return new AddOptions(activation);
            }
            Pool2DOptions o = (Pool2DOptions) options;
            return new Pool2DOptions(
                    o.padding(), o.strideHeight(), o.strideWidth(), o.filterHeight(), o.filterWidth(), activation);
        }

        /** The activation equal to applying {@code first} then {@code second}, or null when none is. */
        private static Activation combine(Activation first, Activation second) {
            float min = Math.max(first.min(), second.min());
            float max = Math.min(first.max(), second.max());
            for (Activation candidate : Activation.values()) {
                if (candidate.min() == min && candidate.max() == max) {
                    return candidate;
                }
            }
            return null;
        }

        // fully qualified: the learning block's enum, not the model graph's
        private static Activation activation(dev.edgeforge.core.learning.Activation activation) {
            return switch (activation) {
                case NONE -> Activation.NONE;
                case RELU -> Activation.RELU;
                case RELU6 -> Activation.RELU6;
            };
        }

        // fully qualified: the learning block's enum, not the model graph's
        private static Padding padding(dev.edgeforge.core.learning.Padding padding) {
            return switch (padding) {
                case SAME -> Padding.SAME;
                case VALID -> Padding.VALID;
            };
        }
    }
}
