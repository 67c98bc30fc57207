package dev.edgeforge.core.format.ei;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Byte-level CBOR for tests, written independently of the production encoder. */
final class TestCbor {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestCbor bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    TestCbor raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    TestCbor text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 24) {
            out.write(0x60 + b.length);
        } else if (b.length < 256) {
            out.write(0x78);
            out.write(b.length);
        } else {
            throw new IllegalArgumentException("long text not needed in tests");
        }
        out.writeBytes(b);
        return this;
    }

    TestCbor map(int n) {
        return bytes(0xA0 + n);
    }

    TestCbor array(int n) {
        return bytes(0x80 + n);
    }

    TestCbor float64(double d) {
        long bits = Double.doubleToLongBits(d);
        out.write(0xFB);
        for (int s = 56; s >= 0; s -= 8) {
            out.write((int) (bits >>> s) & 0xFF);
        }
        return this;
    }

    TestCbor float32(float f) {
        int bits = Float.floatToRawIntBits(f);
        out.write(0xFA);
        for (int s = 24; s >= 0; s -= 8) {
            out.write((bits >>> s) & 0xFF);
        }
        return this;
    }

    TestCbor int16LittleEndian(int v) {
        return bytes(v & 0xFF, (v >> 8) & 0xFF);
    }

    int size() {
        return out.size();
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** The start of a message up to and including the {@code signature} key: {@code protected: {ver, alg}}. */
    static TestCbor upToSignature(String alg) {
        return new TestCbor()
                .map(3)
                .text("protected")
                .map(2)
                .text("ver")
                .text("v1")
                .text("alg")
                .text(alg)
                .text("signature");
    }

    /** An unsigned message up to and including the {@code interval_ms} key of a payload of {@code fields} fields. */
    static TestCbor unsignedUpToInterval(int fields) {
        return upToSignature("none").text("").text("payload").map(fields).text("interval_ms");
    }

    /** One sensor without units, up to and including the {@code values} key: {@code sensors: [{name}], values}. */
    TestCbor oneSensorUpToValues(String name) {
        return text("sensors").array(1).map(1).text("name").text(name).text("values");
    }

    /** The header of a message as an Edge Impulse device writes it, up to and including the values key. */
    static TestCbor deviceHeader(String alg, String signature, String intervalEncoding, String... sensorNameUnits) {
        TestCbor c = upToSignature(alg)
                .text(signature)
                .text("payload")
                .map(5)
                .text("device_name")
                .text("ac:87:a3:0a:2d:1b")
                .text("device_type")
                .text("NICLA_VISION")
                .text("interval_ms");
        switch (intervalEncoding) {
            case "half-0.0625" -> c.bytes(0xF9, 0x2C, 0x00); // 0.0625 as IEEE half precision
            case "double-10" -> c.float64(10);
            case "int-10" -> c.bytes(0x0A);
            default -> throw new IllegalArgumentException(intervalEncoding);
        }
        c.text("sensors").array(sensorNameUnits.length / 2);
        for (int i = 0; i < sensorNameUnits.length; i += 2) {
            c.map(2).text("name").text(sensorNameUnits[i]).text("units").text(sensorNameUnits[i + 1]);
        }
        return c.text("values");
    }
}
