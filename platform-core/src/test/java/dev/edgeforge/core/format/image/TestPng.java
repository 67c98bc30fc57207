package dev.edgeforge.core.format.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds PNG files byte by byte for tests, without javax.imageio. */
final class TestPng {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestPng() {
        out.writeBytes(ImageHeaders.PNG_SIGNATURE);
    }

    TestPng chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        out.writeBytes(b.array());
        return this;
    }

    TestPng ihdr(int width, int height, int bitDepth, int colorType) {
        return chunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) bitDepth)
                        .put((byte) colorType)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
    }

    /** Scanlines as given (filter type 0 prepended to each), deflated into one IDAT. */
    TestPng idat(int rowBytes, byte[] pixels) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int r = 0; r < pixels.length / rowBytes; r++) {
            raw.write(0);
            raw.write(pixels, r * rowBytes, rowBytes);
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        byte[] buf = new byte[raw.size() + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        byte[] data = new byte[n];
        System.arraycopy(buf, 0, data, 0, n);
        return chunk("IDAT", data);
    }

    TestPng iend() {
        return chunk("IEND", new byte[0]);
    }

    byte[] build() {
        return out.toByteArray();
    }
}
