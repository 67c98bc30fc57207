package dev.edgeforge.core.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Little-endian reader shared by the feature file formats. Every read names what it reads, so a short file gives
 * "feature set: truncated at byte 1234 reading row 17 features" rather than an EOFException; it keeps a running
 * CRC-32C to check against the trailer.
 */
final class BinaryInput {

    private final InputStream in;
    private final String kind;
    private final CRC32C crc = new CRC32C();
    private byte[] buffer = new byte[64];
    private long position;

    BinaryInput(InputStream in, String kind) {
        this.in = in;
        this.kind = kind;
    }

    long position() {
        return position;
    }

    FeatureFormatException error(String message) {
        return new FeatureFormatException(kind + ": " + message);
    }

    FeatureFormatException errorAt(long offset, String message) {
        return new FeatureFormatException(kind + ": byte " + offset + ": " + message);
    }

    private byte[] read(int n, String what) {
        if (buffer.length < n) {
            buffer = new byte[Math.max(n, buffer.length * 2)];
        }
        int got;
        try {
            got = in.readNBytes(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (got < n) {
            throw error("truncated at byte " + (position + got) + " reading " + what + " (" + n + " bytes needed, "
                    + got + " left)");
        }
        crc.update(buffer, 0, n);
        position += n;
        return buffer;
    }

    byte[] bytes(int n, String what) {
        return Arrays.copyOf(read(n, what), n);
    }

    int u16(String what) {
        byte[] b = read(2, what);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    int i32(String what) {
        return ByteBuffer.wrap(read(4, what), 0, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
    }

    long i64(String what) {
        return ByteBuffer.wrap(read(8, what), 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
    }

    double f64(String what) {
        return ByteBuffer.wrap(read(8, what), 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getDouble();
    }

    /** {@code count} floats, each finite. */
    float[] floats(int count, String what) {
        long start = position;
        byte[] b = read(count * 4, what);
        float[] out = new float[count];
        ByteBuffer.wrap(b, 0, count * 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(out);
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(out[i])) {
                throw errorAt(start + 4L * i, what + " value " + i + " is " + out[i] + "; features must be finite");
            }
        }
        return out;
    }

    /** A uint16-length-prefixed UTF-8 string, strictly decoded. */
    String string(String what) {
        long start = position;
        int n = u16(what + " length");
        byte[] b = read(n, what);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt(start, what + " is not valid UTF-8");
        }
    }

    void magic(byte[] expected, String what) {
        long start = position;
        byte[] b = read(expected.length, what);
        if (!Arrays.equals(b, 0, expected.length, expected, 0, expected.length)) {
            throw errorAt(
                    start,
                    what + " is not '" + new String(expected, StandardCharsets.US_ASCII) + "' (not an EdgeForge " + kind
                            + " file, or a damaged one)");
        }
    }

    /** Reads the trailer, checks the checksum and that nothing follows. */
    void trailer(byte[] magic) {
        int expected = (int) crc.getValue();
        magic(magic, "trailer");
        long at = position;
        int stored = i32("checksum");
        if (stored != expected) {
            throw errorAt(
                    at,
                    String.format(
                            "checksum mismatch: stored %08x, content gives %08x (the file is corrupt)",
                            stored, expected));
        }
        int next;
        try {
            next = in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (next != -1) {
            throw errorAt(position, "unexpected bytes after the end of the file");
        }
    }
}
