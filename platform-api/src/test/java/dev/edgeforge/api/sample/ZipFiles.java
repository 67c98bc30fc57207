package dev.edgeforge.api.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** ZIP archives for upload tests: ordinary ones, and compression bombs built without holding what they expand to. */
final class ZipFiles {

    private ZipFiles() {}

    /** An archive of the given entries, in order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Entries named {@code prefix0.csv}, {@code prefix1.csv}, ... of {@link #noisyCsv} content. */
    static Map<String, byte[]> noisyCsvEntries(String prefix, int count, int bytesEach) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(prefix + i + ".csv", noisyCsv(bytesEach, i));
        }
        return entries;
    }

    /** A valid CSV of random accelerometer values, about {@code bytes} long; deflate shrinks it only 2 to 3 times. */
    static byte[] noisyCsv(int bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("timestamp,accX,accY,accZ\n");
        for (int t = 0; text.length() < bytes; t += 10) {
            text.append(t);
            for (int axis = 0; axis < 3; axis++) {
                int value = random.nextInt(2_000_000) - 1_000_000; // five random decimals: little to compress
                text.append(value < 0 ? ",-" : ",")
                        .append(Math.abs(value) / 100_000)
                        .append('.')
                        .append(Math.abs(value) % 100_000);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The archive from issue #10: {@code entries} CSV entries of {@code entryBytes} each (every one under the per-file
     * limit) that compress about a thousand times. The entry is deflated once and its compressed bytes written under
     * every name, so building a 1 GB bomb takes a second and little memory.
     */
    static byte[] csvBomb(int entries, long entryBytes) {
        byte[] row = "1000,0.00000,0.00000,9.81000\n".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[64 * 1024 / row.length * row.length];
        for (int i = 0; i < block.length; i += row.length) {
            System.arraycopy(row, 0, block, i, row.length);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        CRC32 crc = new CRC32();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] out = new byte[64 * 1024];
        long written = 0;
        while (written < entryBytes) {
            int n = (int) Math.min(block.length, entryBytes - written);
            crc.update(block, 0, n);
            deflater.setInput(block, 0, n);
            while (!deflater.needsInput()) {
                compressed.write(out, 0, deflater.deflate(out));
            }
            written += n;
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(out, 0, deflater.deflate(out));
        }
        deflater.end();
        return archive(entries, entryBytes, crc.getValue(), compressed.toByteArray());
    }

    /** A ZIP whose {@code entries} entries all hold the same deflated data (local headers, central directory). */
    private static byte[] archive(int entries, long size, long crc, byte[] data) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (int i = 0; i < entries; i++) {
            byte[] name = ("walk." + i + ".csv").getBytes(StandardCharsets.US_ASCII);
            int offset = zip.size();
            ByteBuffer local = le(30 + name.length)
                    .putInt(0x04034b50)
                    .putShort((short) 20)
                    .putShort((short) 0)
                    .putShort((short) Deflater.DEFLATED)
                    .putInt(0)
                    .putInt((int) crc)
                    .putInt(data.length)
                    .putInt((int) size)
                    .putShort((short) name.length)
                    .putShort((short) 0)
                    .put(name);
            zip.writeBytes(local.array());
            zip.writeBytes(data);
            ByteBuffer central = le(46 + name.length)
                    .putInt(0x02014b50)
                    .putShort((short) 20)
                    .putShort((short) 20)
                    .putShort((short) 0)
                    .putShort((short) Deflater.DEFLATED)
                    .putInt(0)
                    .putInt((int) crc)
                    .putInt(data.length)
                    .putInt((int) size)
                    .putShort((short) name.length)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putInt(0)
                    .putInt(offset)
                    .put(name);
            directory.writeBytes(central.array());
        }
        int directoryOffset = zip.size();
        zip.writeBytes(directory.toByteArray());
        zip.writeBytes(le(22).putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) entries)
                .putShort((short) entries)
                .putInt(directory.size())
                .putInt(directoryOffset)
                .putShort((short) 0)
                .array());
        return zip.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
