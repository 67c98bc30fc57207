package dev.edgeforge.core.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A neural network as tensors and operators in execution order, with graph inputs, outputs, class labels and
 * free-form metadata. Immutable; tensor ids are indexes into {@link #tensors()}.
 *
 * <p>Build one with {@link #builder()}; {@link Builder#build()} calls {@link #validate()}, so every graph obtained
 * from a builder satisfies the rules described there.
 */
public final class ModelGraph {

    private final List<Tensor> tensors;
    private final List<Operator> operators;
    private final int[] inputs;
    private final int[] outputs;
    private final List<String> labels;
    private final String description;
    private final Map<String, String> metadata;

    private ModelGraph(
            List<Tensor> tensors,
            List<Operator> operators,
            int[] inputs,
            int[] outputs,
            List<String> labels,
            String description,
            Map<String, String> metadata) {
        this.tensors = List.copyOf(tensors);
        this.operators = List.copyOf(operators);
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
        this.labels = List.copyOf(labels);
        this.description = description == null ? "" : description;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** All tensors; the tensor with id {@code i} is at index {@code i}. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** The tensor with id {@code id}. */
    public Tensor tensor(int id) {
        if (id < 0 || id >= tensors.size()) {
            throw new ModelGraphViolation("no tensor " + id + " (the graph has " + tensors.size() + ")");
        }
        return tensors.get(id);
    }

    /** Operators in execution order. */
    public List<Operator> operators() {
        return operators;
    }

    /** Ids of the graph's input tensors. */
    public int[] inputs() {
        return inputs.clone();
    }

    /** Ids of the graph's output tensors. */
    public int[] outputs() {
        return outputs.clone();
    }

    /** Input tensor number {@code index}. */
    public Tensor inputTensor(int index) {
        return tensor(inputs[index]);
    }

    /** Output tensor number {@code index}. */
    public Tensor outputTensor(int index) {
        return tensor(outputs[index]);
    }

    /** Class labels, one per output score (empty when unknown). */
    public List<String> labels() {
        return labels;
    }

    /** Free-text description (TFLite's model description). */
    public String description() {
        return description;
    }

    /** Free-form string metadata, in insertion order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A builder holding a copy of this graph, to derive a changed graph from it. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.tensors.addAll(tensors);
        builder.operators.addAll(operators);
        builder.inputs = inputs.clone();
        builder.outputs = outputs.clone();
        builder.labels.addAll(labels);
        builder.description = description;
        builder.metadata.putAll(metadata);
        return builder;
    }

    /**
     * Checks every rule the rest of the platform relies on, and returns this graph.
     * <ul>
     *   <li>tensor ids equal their positions; inputs and outputs name existing tensors;</li>
     *   <li>operators run in order: each reads only constants, graph inputs or tensors written by earlier operators;
     *       no tensor is written twice; graph inputs and constants are never written; every graph output is
     *       written (or is a graph input);</li>
     *   <li>each operator has the inputs, outputs, ranks, shapes, types and quantization its kernels need
     *       (see {@link OpType}); int8 activations are quantized per tensor.</li>
     * </ul>
     *
     * @throws ModelGraphViolation naming the first broken rule
     */
    public ModelGraph validate() {
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).id() != i) {
                throw new ModelGraphViolation(
                        "tensor at position " + i + " has id " + tensors.get(i).id());
            }
        }
        if (inputs.length == 0) {
            throw new ModelGraphViolation("the graph has no input");
        }
        if (outputs.length == 0) {
            throw new ModelGraphViolation("the graph has no output");
        }
        boolean[] written = new boolean[tensors.size()];
        for (int id : inputs) {
            Tensor input = checkedTensor(id, "graph input");
            if (input.isConstant()) {
                throw new ModelGraphViolation("graph input " + input.describe() + " is a constant");
            }
            if (written[id]) {
                throw new ModelGraphViolation("graph input " + input.describe() + " is listed twice");
            }
            written[id] = true;
        }
        for (int index = 0; index < operators.size(); index++) {
            Operator op = operators.get(index);
            String where = "operator " + index + " " + op.type();
            for (int id : op.inputs()) {
                if (id == Operator.NO_TENSOR) {
                    continue;
                }
                Tensor input = checkedTensor(id, where + " input");
                if (!input.isConstant() && !written[id]) {
                    throw new ModelGraphViolation(
                            where + " reads " + input.describe() + " before any operator writes it");
                }
            }
            for (int id : op.outputs()) {
                Tensor output = checkedTensor(id, where + " output");
                if (output.isConstant()) {
                    throw new ModelGraphViolation(where + " writes the constant " + output.describe());
                }
                if (written[id]) {
                    throw new ModelGraphViolation(where + " writes " + output.describe()
                            + ", which is already written by a graph input or an earlier operator");
                }
                written[id] = true;
            }
            OperatorRules.check(this, where, op);
        }
        for (int id : outputs) {
            Tensor output = checkedTensor(id, "graph output");
            if (!written[id]) {
                throw new ModelGraphViolation("graph output " + output.describe() + " is never written");
            }
        }
        return this;
    }

    private Tensor checkedTensor(int id, String role) {
        if (id < 0 || id >= tensors.size()) {
            throw new ModelGraphViolation(
                    role + " refers to tensor " + id + ", but the graph has " + tensors.size() + " tensors");
        }
        return tensors.get(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelGraph that
                && tensors.equals(that.tensors)
                && operators.equals(that.operators)
                && Arrays.equals(inputs, that.inputs)
                && Arrays.equals(outputs, that.outputs)
                && labels.equals(that.labels)
                && description.equals(that.description)
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tensors, operators, Arrays.hashCode(inputs), Arrays.hashCode(outputs), labels);
    }

    @Override
    public String toString() {
        return "ModelGraph[" + tensors.size() + " tensors, " + operators.size() + " operators, inputs "
                + Arrays.toString(inputs) + ", outputs " + Arrays.toString(outputs) + "]";
    }

    /**
     * Builds a {@link ModelGraph} in code (trainer, quantizer, reader, tests). Tensors get ids in the order they are
     * added; operators run in the order they are added. {@link #build()} validates.
     *
     * <pre>{@code
     * ModelGraph.Builder b = ModelGraph.builder();
     * int in = b.addTensor("input", DataType.FLOAT32, new int[] {1, 4});
     * int w = b.addFloatConstant("dense/weights", new int[] {3, 4}, weights);
     * int bias = b.addFloatConstant("dense/bias", new int[] {3}, biases);
     * int out = b.addTensor("scores", DataType.FLOAT32, new int[] {1, 3});
     * b.addOperator(OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias},
     *         new int[] {out});
     * ModelGraph graph = b.setInputs(in).setOutputs(out).optLabels(List.of("a", "b", "c")).build();
     * }</pre>
     */
    public static final class Builder {

        private final List<Tensor> tensors = new ArrayList<>();
        private final List<Operator> operators = new ArrayList<>();
        private int[] inputs = new int[0];
        private int[] outputs = new int[0];
        private final List<String> labels = new ArrayList<>();
        private String description = "";
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {}

        /** Adds an activation tensor without quantization; returns its id. */
        public int addTensor(String name, DataType type, int[] shape) {
            return addTensor(name, type, shape, null);
        }

        /** Adds an activation tensor; {@code quantization} may be null. Returns its id. */
        public int addTensor(String name, DataType type, int[] shape, Quantization quantization) {
            return add(new Tensor(tensors.size(), name, type, shape, quantization, null));
        }

        /** Adds a constant from little-endian bytes; returns its id. */
        public int addConstant(String name, DataType type, int[] shape, Quantization quantization, byte[] data) {
            return add(
                    new Tensor(tensors.size(), name, type, shape, quantization, Objects.requireNonNull(data, "data")));
        }

        /** Adds a float32 constant; returns its id. */
        public int addFloatConstant(String name, int[] shape, float[] values) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            return addConstant(name, DataType.FLOAT32, shape, null, bytes.array());
        }

        /** Adds an int8 constant; returns its id. */
        public int addInt8Constant(String name, int[] shape, Quantization quantization, byte[] values) {
            return addConstant(name, DataType.INT8, shape, quantization, values);
        }

        /** Adds an int32 constant (biases, shape vectors); returns its id. */
        public int addInt32Constant(String name, int[] shape, Quantization quantization, int[] values) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asIntBuffer().put(values);
            return addConstant(name, DataType.INT32, shape, quantization, bytes.array());
        }

        /**
         * Adds a tensor as it is, if its id is the next free id (used by readers that number tensors themselves).
         */
        public int addTensor(Tensor tensor) {
            if (tensor.id() != tensors.size()) {
                throw new IllegalArgumentException(
                        "tensor id " + tensor.id() + " is not the next id " + tensors.size());
            }
            return add(tensor);
        }

        /** Replaces the tensor with the same id (used by the quantizer to re-type tensors in place). */
        public Builder replaceTensor(Tensor tensor) {
            if (tensor.id() < 0 || tensor.id() >= tensors.size()) {
                throw new IllegalArgumentException("no tensor " + tensor.id() + " to replace");
            }
            tensors.set(tensor.id(), tensor);
            return this;
        }

        /** The tensor with id {@code id} as added so far. */
        public Tensor tensor(int id) {
            return tensors.get(id);
        }

        /** Number of tensors added so far. */
        public int tensorCount() {
            return tensors.size();
        }

        /** Appends an operator (it runs after all operators added before it). */
        public Builder addOperator(OpType type, OperatorOptions options, int[] inputs, int[] outputs) {
            operators.add(new Operator(type, options, inputs, outputs));
            return this;
        }

        /** Appends an operator. */
        public Builder addOperator(Operator operator) {
            operators.add(Objects.requireNonNull(operator, "operator"));
            return this;
        }

        /** Removes all operators (to re-add a changed list). */
        public Builder clearOperators() {
            operators.clear();
            return this;
        }

        /** Sets the graph's input tensor ids. Required. */
        public Builder setInputs(int... ids) {
            inputs = ids.clone();
            return this;
        }

        /** Sets the graph's output tensor ids. Required. */
        public Builder setOutputs(int... ids) {
            outputs = ids.clone();
            return this;
        }

        /** Sets the class labels. */
        public Builder optLabels(List<String> newLabels) {
            labels.clear();
            labels.addAll(newLabels);
            return this;
        }

        /** Sets the description. */
        public Builder optDescription(String newDescription) {
            description = newDescription == null ? "" : newDescription;
            return this;
        }

        /** Adds or replaces one metadata entry. */
        public Builder optMetadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Builds and {@linkplain ModelGraph#validate() validates} the graph. */
        public ModelGraph build() {
            return new ModelGraph(tensors, operators, inputs, outputs, labels, description, metadata).validate();
        }

        private int add(Tensor tensor) {
            tensors.add(tensor);
            return tensor.id();
        }
    }
}
