package dev.edgeforge.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One operator of a {@link ModelGraph}: its type, typed options and the ids of its input and output tensors.
 * An optional input that is absent (e.g. a fully-connected layer without bias) has id {@link #NO_TENSOR}.
 */
public record Operator(OpType type, OperatorOptions options, int[] inputs, int[] outputs) {

    /** Id of an absent optional input. */
    public static final int NO_TENSOR = -1;

    public Operator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        if (!OperatorOptions.typeFor(type).isInstance(options)) {
            throw new IllegalArgumentException(
                    type + " needs " + OperatorOptions.typeFor(type).getSimpleName() + ", got "
                            + options.getClass().getSimpleName());
        }
        inputs = Objects.requireNonNull(inputs, "inputs").clone();
        outputs = Objects.requireNonNull(outputs, "outputs").clone();
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public int[] outputs() {
        return outputs.clone();
    }

    public int inputCount() {
        return inputs.length;
    }

    public int outputCount() {
        return outputs.length;
    }

    /** Id of input {@code index}, or {@link #NO_TENSOR} when the operator has fewer inputs or it is absent. */
    public int input(int index) {
        return index < inputs.length ? inputs[index] : NO_TENSOR;
    }

    /** Id of output {@code index}. */
    public int output(int index) {
        return outputs[index];
    }

    /** True when optional input {@code index} is present. */
    public boolean hasInput(int index) {
        return input(index) != NO_TENSOR;
    }

    /** The options cast to the type this operator's type requires. */
    public <T extends OperatorOptions> T options(Class<T> optionsType) {
        return optionsType.cast(options);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Operator that
                && type == that.type
                && options.equals(that.options)
                && Arrays.equals(inputs, that.inputs)
                && Arrays.equals(outputs, that.outputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, options, Arrays.hashCode(inputs), Arrays.hashCode(outputs));
    }

    @Override
    public String toString() {
        return type + Arrays.toString(inputs) + "->" + Arrays.toString(outputs) + " " + options;
    }
}
