package dev.edgeforge.core.model;

import java.util.Locale;

/** Element type of a tensor, with its size in bytes. Values are stored little-endian, as in TFLite buffers. */
public enum DataType {
    FLOAT32(4),
    FLOAT16(2),
    INT32(4),
    UINT8(1),
    INT64(8),
    BOOL(1),
    INT16(2),
    INT8(1);

    private final int byteSize;

    DataType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** Lower-case name as TFLite tools print it, e.g. {@code int8}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
