package dev.edgeforge.core.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor of a {@link ModelGraph}: an activation (no data) or a constant (weights, biases, shape vectors).
 *
 * <p>Immutable. Constant data is kept as little-endian bytes, exactly {@code elementCount × type.byteSize()} of them;
 * the typed accessors ({@link #floatData()}, {@link #int8Data()}, {@link #int32Data()}) decode copies.
 */
public final class Tensor {

    private final int id;
    private final String name;
    private final DataType type;
    private final int[] shape;
    private final Quantization quantization;
    private final byte[] data;
    private final int elementCount;

    /**
     * @param id           index of the tensor in its graph
     * @param name         name (may be empty, never null)
     * @param type         element type
     * @param shape        dimensions, each at least 1, product fitting in an int; rank 0 is a scalar
     * @param quantization affine quantization, or null for none
     * @param data         constant data (little-endian, exactly elementCount × byteSize bytes), or null for activations
     */
    public Tensor(int id, String name, DataType type, int[] shape, Quantization quantization, byte[] data) {
        if (id < 0) {
            throw new IllegalArgumentException("tensor id must not be negative, got " + id);
        }
        this.id = id;
        this.name = name == null ? "" : name;
        this.type = Objects.requireNonNull(type, "type");
        this.shape = Objects.requireNonNull(shape, "shape").clone();
        long count = Shapes.elementCountOrMinusOne(this.shape);
        if (count < 0 || count * type.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor " + id + " '" + this.name + "': shape "
                    + Shapes.format(this.shape) + " needs positive dimensions and fewer than 2 GiB of data");
        }
        this.elementCount = (int) count;
        this.quantization = quantization;
        if (data != null && data.length != elementCount * type.byteSize()) {
            throw new IllegalArgumentException("tensor " + id + " '" + this.name + "': " + data.length
                    + " data bytes, shape " + Shapes.format(this.shape) + " " + type.displayName() + " needs "
                    + elementCount * type.byteSize());
        }
        this.data = data == null ? null : data.clone();
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    /** A copy of the dimensions. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int elementCount() {
        return elementCount;
    }

    /** Bytes the tensor occupies: elementCount × type size. */
    public int byteSize() {
        return elementCount * type.byteSize();
    }

    /** The quantization, or null when the tensor is not quantized. */
    public Quantization quantization() {
        return quantization;
    }

    public boolean isQuantized() {
        return quantization != null;
    }

    /** True when the tensor holds constant data. */
    public boolean isConstant() {
        return data != null;
    }

    /** A read-only little-endian view of the constant data (no copy), or null for activations. */
    public ByteBuffer data() {
        return data == null ? null : ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of the constant data bytes. */
    public byte[] copyData() {
        return requireData().clone();
    }

    /** The constant data as floats; the tensor must be a FLOAT32 constant. */
    public float[] floatData() {
        requireType(DataType.FLOAT32);
        float[] values = new float[elementCount];
        data().asFloatBuffer().get(values);
        return values;
    }

    /** The constant data as signed bytes; the tensor must be an INT8 constant. */
    public byte[] int8Data() {
        requireType(DataType.INT8);
        return requireData().clone();
    }

    /** The constant data as ints; the tensor must be an INT32 constant. */
    public int[] int32Data() {
        requireType(DataType.INT32);
        int[] values = new int[elementCount];
        data().asIntBuffer().get(values);
        return values;
    }

    /** The constant data as longs; the tensor must be an INT64 constant. */
    public long[] int64Data() {
        requireType(DataType.INT64);
        long[] values = new long[elementCount];
        data().asLongBuffer().get(values);
        return values;
    }

    /** A copy of this tensor with another id (used when graphs are rebuilt). */
    public Tensor withId(int newId) {
        return new Tensor(newId, name, type, shape, quantization, data);
    }

    /** Short description for messages: {@code tensor 7 'conv1/weights' [8,3,3,1] int8}. */
    public String describe() {
        return "tensor " + id + " '" + name + "' " + Shapes.format(shape) + " " + type.displayName();
    }

    private byte[] requireData() {
        if (data == null) {
            throw new IllegalStateException(describe() + " is not a constant");
        }
        return data;
    }

    private void requireType(DataType expected) {
        requireData();
        if (type != expected) {
            throw new IllegalStateException(describe() + " is not " + expected.displayName());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor that
                && id == that.id
                && name.equals(that.name)
                && type == that.type
                && Arrays.equals(shape, that.shape)
                && Objects.equals(quantization, that.quantization)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, type, Arrays.hashCode(shape), quantization, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return describe() + (isConstant() ? " constant" : "") + (quantization != null ? " " + quantization : "");
    }
}
