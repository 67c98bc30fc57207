package dev.edgeforge.core.model;

import java.util.Arrays;

/** Shape arithmetic shared by the graph, the reader and the interpreter. */
public final class Shapes {

    private Shapes() {}

    /**
     * Number of elements of a shape, or -1 when a dimension is not positive or the product does not fit in an int.
     * A rank-0 shape (scalar) has one element.
     */
    public static long elementCountOrMinusOne(int[] shape) {
        long count = 1;
        for (int dim : shape) {
            if (dim < 1) {
                return -1;
            }
            count *= dim;
            if (count > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return count;
    }

    /** Number of elements of a valid shape. */
    public static int elementCount(int[] shape) {
        long count = elementCountOrMinusOne(shape);
        if (count < 0) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs positive dimensions whose product fits in an int");
        }
        return (int) count;
    }

    /** Formats a shape like TFLite tools do: {@code [1,49,10,1]}. */
    public static String format(int[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(shape[i]);
        }
        return text.append(']').toString();
    }
}
