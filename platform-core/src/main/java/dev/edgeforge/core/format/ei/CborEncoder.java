package dev.edgeforge.core.format.ei;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few CBOR items our messages need, written by hand so that the layout is exactly the one Edge Impulse devices
 * produce: definite-length maps, and an indefinite-length {@code values} array when binary data follows.
 */
final class CborEncoder {

    private static final int UNSIGNED = 0;
    private static final int NEGATIVE = 1;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    CborEncoder map(int entries) {
        return head(MAP, entries);
    }

    CborEncoder array(int items) {
        return head(ARRAY, items);
    }

    CborEncoder startIndefiniteArray() {
        out.write(0x9F);
        return this;
    }

    CborEncoder breakIndefinite() {
        out.write(0xFF);
        return this;
    }

    CborEncoder text(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        head(TEXT, utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    CborEncoder integer(long v) {
        return v >= 0 ? head(UNSIGNED, v) : head(NEGATIVE, -1 - v);
    }

    CborEncoder float64(double v) {
        out.write(0xFB);
        return bigEndian(Double.doubleToRawLongBits(v), 8);
    }

    /** A sample value: as an integer when that is exact (compact, like device SDKs write), else a float32. */
    CborEncoder value(float v) {
        if (Numbers.isCompactInteger(v)) {
            return integer((long) v);
        }
        out.write(0xFA);
        return bigEndian(Float.floatToRawIntBits(v), 4);
    }

    CborEncoder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private CborEncoder head(int major, long value) {
        int type = major << 5;
        if (value < 24) {
            out.write(type | (int) value);
        } else if (value < 0x100) {
            out.write(type | 24);
            bigEndian(value, 1);
        } else if (value < 0x10000) {
            out.write(type | 25);
            bigEndian(value, 2);
        } else if (value < 0x100000000L) {
            out.write(type | 26);
            bigEndian(value, 4);
        } else {
            out.write(type | 27);
            bigEndian(value, 8);
        }
        return this;
    }

    private CborEncoder bigEndian(long value, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
        return this;
    }
}
