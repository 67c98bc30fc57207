package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of one sample's tensor, without the batch dimension, in TFLite's channels-last order:
 * {@code [features]} for flat features, {@code [time, channels]} for time series and {@code [height, width, channels]}
 * for spectrograms ({@code [frames, bins, 1]}) and images.
 *
 * <p>A sample's values are stored row-major in this order, so a 3-axis accelerometer window is
 * {@code x0, y0, z0, x1, y1, z1, …}. Serialized as a plain JSON array, e.g. {@code [125, 3]}.
 */
public record TensorShape(List<Integer> dims) {

    /** Validates and copies the dimensions; every dimension must be at least 1. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TensorShape {
        if (dims == null || dims.isEmpty()) {
            throw new IllegalArgumentException("a tensor shape needs at least one dimension");
        }
        dims = List.copyOf(dims);
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i) < 1) {
                throw new IllegalArgumentException("dimension " + i + " of shape " + dims + " must be at least 1");
            }
        }
    }

    /** Shape from its dimensions, e.g. {@code TensorShape.of(125, 3)}. */
    public static TensorShape of(int... dims) {
        return new TensorShape(Arrays.stream(dims).boxed().toList());
    }

    /** The dimensions as JSON sees them. */
    @JsonValue
    @Override
    public List<Integer> dims() {
        return dims;
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.size();
    }

    /** The size of dimension {@code axis}. */
    public int dim(int axis) {
        return dims.get(axis);
    }

    /** The last dimension: the channel count for rank 2 and 3, the feature count for rank 1. */
    public int channels() {
        return dims.get(dims.size() - 1);
    }

    /** Number of values in one sample of this shape. */
    public int elementCount() {
        long count = 1;
        for (int d : dims) {
            count *= d;
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + dims + " has more than 2^31 elements");
        }
        return (int) count;
    }

    /** The dimensions as an int array (a copy). */
    public int[] toArray() {
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return dims.toString();
    }
}
