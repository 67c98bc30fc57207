package dev.edgeforge.core.feature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** Little-endian writer shared by the feature file formats: counts bytes and keeps a running CRC-32C. */
final class BinaryOutput {

    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] floatBytes = new byte[0];
    private long position;

    BinaryOutput(OutputStream out) {
        this.out = out;
    }

    long position() {
        return position;
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    private void bytes(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        crc.update(b, off, len);
        position += len;
    }

    void u16(int v) {
        scratch.clear();
        scratch.putShort((short) v);
        bytes(scratch.array(), 0, 2);
    }

    void i32(int v) {
        scratch.clear();
        scratch.putInt(v);
        bytes(scratch.array(), 0, 4);
    }

    void i64(long v) {
        scratch.clear();
        scratch.putLong(v);
        bytes(scratch.array(), 0, 8);
    }

    void f64(double v) {
        scratch.clear();
        scratch.putDouble(v);
        bytes(scratch.array(), 0, 8);
    }

    void floats(float[] values) {
        int n = values.length * 4;
        if (floatBytes.length < n) {
            floatBytes = new byte[n];
        }
        ByteBuffer.wrap(floatBytes, 0, n)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .put(values);
        bytes(floatBytes, 0, n);
    }

    /** A string as a uint16 byte length and its UTF-8 bytes. */
    void string(String s, String field) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new FeatureFormatException(field + " is " + utf8.length + " bytes of UTF-8; at most 65535 fit");
        }
        u16(utf8.length);
        bytes(utf8);
    }

    /** The trailer: its magic and the CRC-32C of everything before the trailer. */
    void trailer(byte[] magic) {
        int checksum = (int) crc.getValue();
        bytes(magic);
        scratch.clear();
        scratch.putInt(checksum);
        try {
            out.write(scratch.array(), 0, 4);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position += 4;
    }

    void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
