package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One layer of a neural learning block, as data: what the UI edits, the API accepts and the trainer builds.
 *
 * <p>Only layers that the int8 path and the C generator support are offered. In JSON every layer is an object with a
 * {@code "type"} (the names in {@link JsonSubTypes} below) and the record's fields, e.g.
 * {@code {"type":"dense","units":20,"activation":"relu"}}. Missing activations and paddings default to
 * {@code none} and {@code same}.
 *
 * <p>Shapes follow {@link TensorShape}: channels last. 1-D layers (conv1d, pool1d) take {@code [time, channels]};
 * 2-D layers take {@code [height, width, channels]}; dense takes a flat {@code [features]} (put a {@link Flatten}
 * before it). Parameters are checked by {@link #parameterProblems()} and shapes by {@link ShapeInference}, so a bad
 * layer list read from JSON is reported with every problem and its layer index rather than failing on the first.
 *
 * <p>How to add a layer kind: add a record here, register it in {@link JsonSubTypes}, add a method to
 * {@link Visitor}; the compiler then lists every place that must handle it (shape inference, the DJL block
 * builder, the weight exporter and the float reference forward pass).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
    @JsonSubTypes.Type(value = LayerSpec.Conv1d.class, name = "conv1d"),
    @JsonSubTypes.Type(value = LayerSpec.Conv2d.class, name = "conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.DepthwiseConv2d.class, name = "depthwise_conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.AveragePool1d.class, name = "average_pool1d"),
    @JsonSubTypes.Type(value = LayerSpec.MaxPool1d.class, name = "max_pool1d"),
    @JsonSubTypes.Type(value = LayerSpec.AveragePool2d.class, name = "average_pool2d"),
    @JsonSubTypes.Type(value = LayerSpec.MaxPool2d.class, name = "max_pool2d"),
    @JsonSubTypes.Type(value = LayerSpec.Flatten.class, name = "flatten"),
    @JsonSubTypes.Type(value = LayerSpec.Reshape.class, name = "reshape"),
    @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout"),
    @JsonSubTypes.Type(value = LayerSpec.BatchNorm.class, name = "batch_norm"),
    @JsonSubTypes.Type(value = LayerSpec.Relu.class, name = "relu"),
    @JsonSubTypes.Type(value = LayerSpec.Relu6.class, name = "relu6"),
    @JsonSubTypes.Type(value = LayerSpec.Softmax.class, name = "softmax"),
    @JsonSubTypes.Type(value = LayerSpec.Add.class, name = "add")
})
public sealed interface LayerSpec {

    /** Largest units, filters or kernel size accepted: far beyond what fits a microcontroller, but bounded. */
    int MAX_SIZE = 4096;

    /** The layer's JSON type name, used in messages. */
    String typeName();

    /** Problems with the layer's own parameters (independent of the input shape); empty when they are fine. */
    List<String> parameterProblems();

    /** Double dispatch so every consumer handles every layer kind (checked by the compiler). */
    <R> R accept(Visitor<R> visitor);

    /** One method per layer kind. */
    interface Visitor<R> {
        R dense(Dense layer);

        R conv1d(Conv1d layer);

        R conv2d(Conv2d layer);

        R depthwiseConv2d(DepthwiseConv2d layer);

        R averagePool1d(AveragePool1d layer);

        R maxPool1d(MaxPool1d layer);

        R averagePool2d(AveragePool2d layer);

        R maxPool2d(MaxPool2d layer);

        R flatten(Flatten layer);

        R reshape(Reshape layer);

        R dropout(Dropout layer);

        R batchNorm(BatchNorm layer);

        R relu(Relu layer);

        R relu6(Relu6 layer);

        R softmax(Softmax layer);

        R add(Add layer);
    }

    // ---- factories, so code reads like the architecture it builds ----

    static Dense dense(int units, Activation activation) {
        return new Dense(units, activation);
    }

    static Conv1d conv1d(int filters, int kernelSize, int stride, Padding padding, Activation activation) {
        return new Conv1d(filters, kernelSize, stride, padding, activation);
    }

    static Conv2d conv2d(
            int filters, int kernelHeight, int kernelWidth, int stride, Padding padding, Activation activation) {
        return new Conv2d(filters, kernelHeight, kernelWidth, stride, padding, activation);
    }

    static DepthwiseConv2d depthwiseConv2d(
            int kernelHeight,
            int kernelWidth,
            int depthMultiplier,
            int stride,
            Padding padding,
            Activation activation) {
        return new DepthwiseConv2d(kernelHeight, kernelWidth, depthMultiplier, stride, padding, activation);
    }

    static AveragePool1d averagePool1d(int poolSize, int stride) {
        return new AveragePool1d(poolSize, stride);
    }

    static MaxPool1d maxPool1d(int poolSize, int stride) {
        return new MaxPool1d(poolSize, stride);
    }

    static AveragePool2d averagePool2d(int poolSize, int stride) {
        return new AveragePool2d(poolSize, stride);
    }

    static MaxPool2d maxPool2d(int poolSize, int stride) {
        return new MaxPool2d(poolSize, stride);
    }

    static Flatten flatten() {
        return new Flatten();
    }

    static Reshape reshape(int... shape) {
        return new Reshape(Arrays.stream(shape).boxed().toList());
    }

    static Dropout dropout(double rate) {
        return new Dropout(rate);
    }

    static BatchNorm batchNorm() {
        return new BatchNorm();
    }

    static Relu relu() {
        return new Relu();
    }

    static Relu6 relu6() {
        return new Relu6();
    }

    static Softmax softmax() {
        return new Softmax();
    }

    static Add add(int from) {
        return new Add(from);
    }

    // ---- the layer kinds ----

    /** Fully connected layer on a flat input: {@code [in] -> [units]}; TFLite FULLY_CONNECTED. */
    record Dense(int units, Activation activation) implements LayerSpec {
        public Dense {
            activation = Objects.requireNonNullElse(activation, Activation.NONE);
        }

        @Override
        public String typeName() {
            return "dense";
        }

        @Override
        public List<String> parameterProblems() {
            List<String> problems = new ArrayList<>();
            checkRange(problems, "units", units, 1, MAX_SIZE);
            return problems;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dense(this);
        }
    }

    /**
     * 1-D convolution over time: {@code [time, in] -> [time', filters]}. Exported as CONV_2D with height 1.
     */
    record Conv1d(int filters, int kernelSize, int stride, Padding padding, Activation activation)
            implements LayerSpec {
        public Conv1d {
            padding = Objects.requireNonNullElse(padding, Padding.SAME);
            activation = Objects.requireNonNullElse(activation, Activation.NONE);
        }

        @Override
        public String typeName() {
            return "conv1d";
        }

        @Override
        public List<String> parameterProblems() {
            List<String> problems = new ArrayList<>();
            checkRange(problems, "filters", filters, 1, MAX_SIZE);
            checkRange(problems, "kernelSize", kernelSize, 1, MAX_SIZE);
            checkRange(problems, "stride", stride, 1, MAX_SIZE);
            return problems;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conv1d(this);
        }
    }

    /**
     * 2-D convolution: {@code [h, w, in] -> [h', w', filters]}; TFLite CONV_2D. The stride is the same on both axes.
     */
    record Conv2d(int filters, int kernelHeight, int kernelWidth, int stride, Padding padding, Activation activation)
            implements LayerSpec {
        public Conv2d {
            padding = Objects.requireNonNullElse(padding, Padding.SAME);
            activation = Objects.requireNonNullElse(activation, Activation.NONE);
        }

        @Override
        public String typeName() {
            return "conv2d";
        }

        @Override
        public List<String> parameterProblems() {
            List<String> problems = new ArrayList<>();
            checkRange(problems, "filters", filters, 1, MAX_SIZE);
            checkRange(problems, "kernelHeight", kernelHeight, 1, MAX_SIZE);
            checkRange(problems, "kernelWidth", kernelWidth, 1, MAX_SIZE);
            checkRange(problems, "stride", stride, 1, MAX_SIZE);
            return problems;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conv2d(this);
        }
    }

    /**
     * Depthwise 2-D convolution: each input channel convolved with {@code depthMultiplier} filters of its own,
     * {@code [h, w, c] -> [h', w', c * depthMultiplier]}; output channel {@code c * depthMultiplier + m} comes from
     * input channel {@code c} (TFLite DEPTHWISE_CONV_2D's order).
     */
    record DepthwiseConv2d(
            int kernelHeight, int kernelWidth, int depthMultiplier, int stride, Padding padding, Activation activation)
            implements LayerSpec {
        public DepthwiseConv2d {
            padding = Objects.requireNonNullElse(padding, Padding.SAME);
            activation = Objects.requireNonNullElse(activation, Activation.NONE);
        }

        @Override
        public String typeName() {
            return "depthwise_conv2d";
        }

        @Override
        public List<String> parameterProblems() {
            List<String> problems = new ArrayList<>();
            checkRange(problems, "kernelHeight", kernelHeight, 1, MAX_SIZE);
            checkRange(problems, "kernelWidth", kernelWidth, 1, MAX_SIZE);
            checkRange(problems, "depthMultiplier", depthMultiplier, 1, 64);
            checkRange(problems, "stride", stride, 1, MAX_SIZE);
            return problems;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.depthwiseConv2d(this);
        }
    }

    /** Average pooling over time without padding: {@code [t, c] -> [(t - size) / stride + 1, c]}. */
    record AveragePool1d(int poolSize, int stride) implements LayerSpec {
        @Override
        public String typeName() {
            return "average_pool1d";
        }

        @Override
        public List<String> parameterProblems() {
            return poolProblems(poolSize, stride);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.averagePool1d(this);
        }
    }

    /** Max pooling over time without padding: {@code [t, c] -> [(t - size) / stride + 1, c]}. */
    record MaxPool1d(int poolSize, int stride) implements LayerSpec {
        @Override
        public String typeName() {
            return "max_pool1d";
        }

        @Override
        public List<String> parameterProblems() {
            return poolProblems(poolSize, stride);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.maxPool1d(this);
        }
    }

    /** Square average pooling without padding; TFLite AVERAGE_POOL_2D with VALID padding. */
    record AveragePool2d(int poolSize, int stride) implements LayerSpec {
        @Override
        public String typeName() {
            return "average_pool2d";
        }

        @Override
        public List<String> parameterProblems() {
            return poolProblems(poolSize, stride);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.averagePool2d(this);
        }
    }

    /** Square max pooling without padding; TFLite MAX_POOL_2D with VALID padding. */
    record MaxPool2d(int poolSize, int stride) implements LayerSpec {
        @Override
        public String typeName() {
            return "max_pool2d";
        }

        @Override
        public List<String> parameterProblems() {
            return poolProblems(poolSize, stride);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.maxPool2d(this);
        }
    }

    /** Flattens to {@code [elements]} in channels-last order (TFLite RESHAPE). */
    record Flatten() implements LayerSpec {
        @Override
        public String typeName() {
            return "flatten";
        }

        @Override
        public List<String> parameterProblems() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flatten(this);
        }
    }

    /**
     * Reinterprets the values in channels-last order as {@code shape} (without the batch dimension); one dimension
     * may be {@code -1} and is then inferred. E.g. {@code [375] -> reshape [125, 3]} for a flat accelerometer window.
     */
    record Reshape(List<Integer> shape) implements LayerSpec {
        public Reshape {
            shape = shape == null ? List.of() : List.copyOf(shape);
        }

        @Override
        public String typeName() {
            return "reshape";
        }

        @Override
        public List<String> parameterProblems() {
            List<String> problems = new ArrayList<>();
            if (shape.isEmpty() || shape.size() > 3) {
                problems.add("shape must have 1 to 3 dimensions, got " + shape);
                return problems;
            }
            long inferred = shape.stream().filter(d -> d == -1).count();
            if (inferred > 1) {
                problems.add("shape " + shape + " may contain -1 only once");
            }
            if (shape.stream().anyMatch(d -> d == 0 || d < -1)) {
                problems.add("shape " + shape + " must contain positive sizes (or a single -1)");
            }
            return problems;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reshape(this);
        }
    }

    /** Randomly zeroes a fraction {@code rate} of values while training; the identity at inference. */
    record Dropout(double rate) implements LayerSpec {
        @Override
        public String typeName() {
            return "dropout";
        }

        @Override
        public List<String> parameterProblems() {
            return rate >= 0 && rate < 1 ? List.of() : List.of("rate must be in [0, 1), got " + rate);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dropout(this);
        }
    }

    /**
     * Batch normalization over the channel (last) axis. It must directly follow a dense or convolution layer that has
     * no activation, so that it can be folded into that layer's weights for the int8 path.
     */
    record BatchNorm() implements LayerSpec {
        /** The epsilon added to the variance, the same in training and in the exported parameters. */
        public static final float EPSILON = 1e-5f;

        @Override
        public String typeName() {
            return "batch_norm";
        }

        @Override
        public List<String> parameterProblems() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.batchNorm(this);
        }
    }

    /** {@code max(0, x)} as a layer of its own. */
    record Relu() implements LayerSpec {
        @Override
        public String typeName() {
            return "relu";
        }

        @Override
        public List<String> parameterProblems() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relu(this);
        }
    }

    /** {@code min(max(0, x), 6)} as a layer of its own. */
    record Relu6() implements LayerSpec {
        @Override
        public String typeName() {
            return "relu6";
        }

        @Override
        public List<String> parameterProblems() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relu6(this);
        }
    }

    /** Softmax over the last axis. */
    record Softmax() implements LayerSpec {
        @Override
        public String typeName() {
            return "softmax";
        }

        @Override
        public List<String> parameterProblems() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.softmax(this);
        }
    }

    /**
     * Residual connection: the output of the previous layer plus the output of layer {@code from} (0-based index in
     * the same layer list; {@code -1} is the network input). {@code from} must lie before the previous layer, and
     * both outputs must have the same shape. TFLite ADD.
     *
     * <p>Example: {@code [conv2d(8…) #0, batch_norm #1, relu #2, conv2d(8…) #3, batch_norm #4, add(from=2) #5]} adds
     * the block's input (the output of #2) to the output of #4.
     */
    record Add(int from) implements LayerSpec {
        @Override
        public String typeName() {
            return "add";
        }

        @Override
        public List<String> parameterProblems() {
            return from >= -1 ? List.of() : List.of("from must be -1 (the input) or a layer index, got " + from);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.add(this);
        }
    }

    private static void checkRange(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static List<String> poolProblems(int poolSize, int stride) {
        List<String> problems = new ArrayList<>();
        checkRange(problems, "poolSize", poolSize, 1, MAX_SIZE);
        checkRange(problems, "stride", stride, 1, MAX_SIZE);
        return problems;
    }
}
