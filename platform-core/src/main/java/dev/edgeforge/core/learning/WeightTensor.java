package dev.edgeforge.core.learning;

import java.util.Arrays;
import java.util.Objects;

/**
 * A float32 weight tensor: its shape and its values in row-major order. Equal when shape and values are equal.
 *
 * @param shape  the tensor's shape (TFLite layout, see {@link TrainedNetwork})
 * @param values {@code shape.elementCount()} values, row-major
 */
public record WeightTensor(TensorShape shape, float[] values) {

    public WeightTensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        if (values.length != shape.elementCount()) {
            throw new IllegalArgumentException("a weight tensor of shape " + shape + " needs " + shape.elementCount()
                    + " values, got " + values.length);
        }
    }

    /** Tensor of {@code shape} holding a copy of {@code values}. */
    public static WeightTensor of(TensorShape shape, float... values) {
        return new WeightTensor(shape, values.clone());
    }

    /** The value at a row-major flat index. */
    public float get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightTensor that && shape.equals(that.shape) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "WeightTensor" + shape;
    }
}
