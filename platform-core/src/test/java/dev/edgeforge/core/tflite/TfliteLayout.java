package dev.edgeforge.core.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the fields a hostile file would change lie in a valid {@code .tflite} file, found by walking its flatbuffer
 * as the schema says (Model → subgraph 0 → tensors and operators, Model → buffers), independently of
 * {@link TfliteReader}. Positions are byte offsets of little-endian 32-bit values.
 */
final class TfliteLayout {

    /** Operator {@code index}: positions of its input and output tensor indexes. */
    record Operator(int index, List<Integer> inputs, List<Integer> outputs) {}

    final int tensorCount;
    final List<Operator> operators = new ArrayList<>();
    /** Per tensor, the positions of its shape's dimensions. */
    final List<List<Integer>> shapes = new ArrayList<>();
    /** Positions of the element counts of the buffers' data vectors. */
    final List<Integer> bufferLengths = new ArrayList<>();
    /** Positions of every offset (uoffset) the walk followed: tables, vectors, strings. */
    final List<Integer> offsets = new ArrayList<>();
    /** Positions of the vtable offsets (soffset) of the tables the walk visited. */
    final List<Integer> vtables = new ArrayList<>();

    private final ByteBuffer b;

    TfliteLayout(byte[] file) {
        b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        offsets.add(0);
        int model = b.getInt(0);
        int subgraph = elements(model, 2).get(0);
        List<Integer> tensors = elements(subgraph, 0);
        tensorCount = tensors.size();
        for (int tensor : tensors) {
            int field = field(tensor, 0);
            shapes.add(field == 0 ? List.of() : vectorElements(field));
        }
        List<Integer> ops = elements(subgraph, 3);
        for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            operators.add(new Operator(i, vectorElements(field(op, 1)), vectorElements(field(op, 2))));
        }
        for (int buffer : elements(model, 4)) {
            int data = field(buffer, 0);
            if (data != 0) {
                offsets.add(data);
                bufferLengths.add(data + b.getInt(data));
            }
        }
    }

    /** Position of field {@code index} of the table at {@code table}, 0 when absent. */
    private int field(int table, int index) {
        vtables.add(table);
        int vtable = table - b.getInt(table);
        int vtableSize = Short.toUnsignedInt(b.getShort(vtable));
        int at = 4 + 2 * index;
        if (at >= vtableSize) {
            return 0;
        }
        int offset = Short.toUnsignedInt(b.getShort(vtable + at));
        return offset == 0 ? 0 : table + offset;
    }

    /** The tables a vector-of-tables field refers to. */
    private List<Integer> elements(int table, int index) {
        int field = field(table, index);
        List<Integer> tables = new ArrayList<>();
        if (field == 0) {
            return tables;
        }
        offsets.add(field);
        for (int element : vectorElements(field)) {
            offsets.add(element);
            tables.add(element + b.getInt(element));
        }
        return tables;
    }

    /** Positions of the 32-bit elements of the vector a field refers to. */
    private List<Integer> vectorElements(int field) {
        int vector = field + b.getInt(field);
        int count = b.getInt(vector);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.add(vector + 4 + 4 * i);
        }
        return positions;
    }
}
