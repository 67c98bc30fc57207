package dev.edgeforge.core.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reading of flatbuffer tables, vectors and strings from a byte array. Every position is checked
 * against the buffer before it is read, and every vector read is charged to a work budget proportional to the file
 * size, so a file whose offsets make many objects share one big vector cannot make the reader loop or allocate
 * without bound.
 */
final class FlatBufferInput {

    private final ByteBuffer bytes;
    private final int length;
    private long budget;

    FlatBufferInput(byte[] data, long budget) {
        this.bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.length = data.length;
        this.budget = budget;
    }

    int length() {
        return length;
    }

    /** A table referenced by the uoffset stored at {@code refPosition}. */
    Table tableAt(int refPosition, String what) {
        int position = follow(refPosition, what);
        need(position, 4, what + " table");
        long vtable = (long) position - bytes.getInt(position);
        if (vtable < 0 || vtable + 4 > length) {
            throw error(what + ": vtable at offset " + vtable + " lies outside the file");
        }
        int vt = (int) vtable;
        int vtableSize = u16(vt);
        int objectSize = u16(vt + 2);
        if (vtableSize < 4 || (vtableSize & 1) != 0 || vt + (long) vtableSize > length) {
            throw error(what + ": vtable at offset " + vt + " has invalid size " + vtableSize);
        }
        if (objectSize < 4 || position + (long) objectSize > length) {
            throw error(what + ": table at offset " + position + " of size " + objectSize
                    + " runs past the end of the file");
        }
        return new Table(position, vt, vtableSize, objectSize, what);
    }

    /** A position plus the uoffset stored there, checked to land inside the file. */
    int follow(int refPosition, String what) {
        need(refPosition, 4, what + " offset");
        long target = refPosition + (bytes.getInt(refPosition) & 0xFFFFFFFFL);
        if (target > length - 4L) {
            throw error(what + ": offset at " + refPosition + " points to " + target + ", past the end of the file ("
                    + length + " bytes)");
        }
        return (int) target;
    }

    /** Start and element count of a vector whose uoffset is at {@code refPosition}. */
    Vector vectorAt(int refPosition, int elementSize, String what) {
        int position = follow(refPosition, what);
        long count = bytes.getInt(position) & 0xFFFFFFFFL;
        long end = position + 4L + count * elementSize;
        if (end > length) {
            throw error(what + ": vector at offset " + position + " claims " + count + " elements of " + elementSize
                    + " bytes, past the end of the file (" + length + " bytes)");
        }
        charge(count * Math.max(elementSize, 1), what);
        return new Vector(position + 4, (int) count, elementSize);
    }

    String stringAt(int refPosition, String what) {
        Vector vector = vectorAt(refPosition, 1, what);
        ByteBuffer slice = bytes.slice(vector.start, vector.count);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice)
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(what + ": string at offset " + vector.start + " is not valid UTF-8");
        }
    }

    byte[] copy(int start, int count, String what) {
        need(start, count, what);
        charge(count, what);
        byte[] copy = new byte[count];
        bytes.get(start, copy);
        return copy;
    }

    int i32(int position) {
        need(position, 4, "int");
        return bytes.getInt(position);
    }

    long i64(int position) {
        need(position, 8, "long");
        return bytes.getLong(position);
    }

    float f32(int position) {
        need(position, 4, "float");
        return bytes.getFloat(position);
    }

    int u16(int position) {
        need(position, 2, "short");
        return bytes.getShort(position) & 0xFFFF;
    }

    int i8(int position) {
        need(position, 1, "byte");
        return bytes.get(position);
    }

    private void need(long position, long size, String what) {
        if (position < 0 || size < 0 || position + size > length) {
            throw error(what + " at offset " + position + " (" + size + " bytes) lies outside the file (" + length
                    + " bytes)");
        }
    }

    private void charge(long amount, String what) {
        budget -= amount;
        if (budget < 0) {
            throw error(what + ": the file refers to far more data than it holds (objects sharing or overlapping"
                    + " vectors)");
        }
    }

    static TfliteFormatException error(String message) {
        return new TfliteFormatException(message);
    }

    /** A vector's first element position and element count. */
    record Vector(int start, int count, int elementSize) {
        int position(int index) {
            return start + index * elementSize;
        }
    }

    /** A checked flatbuffer table: field reads are checked against the table's declared size. */
    final class Table {
        private final int position;
        private final int vtable;
        private final int vtableSize;
        private final int objectSize;
        private final String what;

        private Table(int position, int vtable, int vtableSize, int objectSize, String what) {
            this.position = position;
            this.vtable = vtable;
            this.vtableSize = vtableSize;
            this.objectSize = objectSize;
            this.what = what;
        }

        /** Absolute position of field {@code index} of {@code size} bytes, or -1 when the field is absent. */
        int field(int index, int size) {
            int slot = 4 + 2 * index;
            if (slot + 2 > vtableSize) {
                return -1;
            }
            int offset = u16(vtable + slot);
            if (offset == 0) {
                return -1;
            }
            if (offset + size > objectSize) {
                throw error(what + ": field " + index + " at table offset " + offset + " runs past the table's "
                        + objectSize + " bytes");
            }
            return position + offset;
        }

        boolean has(int index) {
            return field(index, 1) >= 0;
        }

        int int32(int index, int defaultValue) {
            int at = field(index, 4);
            return at < 0 ? defaultValue : i32(at);
        }

        long uint32(int index, long defaultValue) {
            int at = field(index, 4);
            return at < 0 ? defaultValue : i32(at) & 0xFFFFFFFFL;
        }

        long int64(int index, long defaultValue) {
            int at = field(index, 8);
            return at < 0 ? defaultValue : i64(at);
        }

        float float32(int index, float defaultValue) {
            int at = field(index, 4);
            return at < 0 ? defaultValue : f32(at);
        }

        int int8(int index, int defaultValue) {
            int at = field(index, 1);
            return at < 0 ? defaultValue : i8(at);
        }

        int uint8(int index, int defaultValue) {
            int at = field(index, 1);
            return at < 0 ? defaultValue : i8(at) & 0xFF;
        }

        boolean bool(int index, boolean defaultValue) {
            int at = field(index, 1);
            return at < 0 ? defaultValue : i8(at) != 0;
        }

        /** The table referenced by field {@code index}, or null when absent. */
        Table table(int index, String name) {
            int at = field(index, 4);
            return at < 0 ? null : tableAt(at, name);
        }

        /** The vector referenced by field {@code index}, or an empty vector when absent. */
        Vector vector(int index, int elementSize, String name) {
            int at = field(index, 4);
            return at < 0 ? new Vector(0, 0, elementSize) : vectorAt(at, elementSize, name);
        }

        /** The string referenced by field {@code index}, or {@code defaultValue} when absent. */
        String string(int index, String name, String defaultValue) {
            int at = field(index, 4);
            return at < 0 ? defaultValue : stringAt(at, name);
        }

        int[] ints(int index, String name, int maxCount) {
            Vector v = vector(index, 4, name);
            if (v.count > maxCount) {
                throw error(name + " has " + v.count + " entries, at most " + maxCount + " are allowed");
            }
            int[] values = new int[v.count];
            for (int i = 0; i < v.count; i++) {
                values[i] = i32(v.position(i));
            }
            return values;
        }
    }
}
