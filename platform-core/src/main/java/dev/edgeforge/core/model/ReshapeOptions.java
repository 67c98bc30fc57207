package dev.edgeforge.core.model;

import java.util.Arrays;

/**
 * Options of RESHAPE. {@code newShape} is informative (TFLite writes it; the output tensor's shape is what counts) and
 * may be empty.
 */
public record ReshapeOptions(int[] newShape) implements OperatorOptions {

    public ReshapeOptions {
        newShape = newShape == null ? new int[0] : newShape.clone();
    }

    @Override
    public int[] newShape() {
        return newShape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReshapeOptions that && Arrays.equals(newShape, that.newShape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(newShape);
    }

    @Override
    public String toString() {
        return "ReshapeOptions[newShape=" + Arrays.toString(newShape) + "]";
    }
}
