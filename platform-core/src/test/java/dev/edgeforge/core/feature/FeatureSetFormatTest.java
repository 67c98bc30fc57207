package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FeatureShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class FeatureSetFormatTest {

    static final FeatureLayout LAYOUT = new FeatureLayout(List.of(
            new FeatureLayout.Block(3, "Spectral", "spectral-analysis", FeatureShape.of(5), 0),
            new FeatureLayout.Block(7, "MFE ☃", "mfe", FeatureShape.of(2, 3), 5)));

    static List<FeatureRow> rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] labels = {"idle", "wave", "café"};
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] f = new float[LAYOUT.length()];
            for (int j = 0; j < f.length; j++) {
                f[j] = (float) (random.nextDouble() * 200 - 100);
            }
            f[0] = i == 0 ? -0f : f[0];
            rows.add(new FeatureRow("sample-" + (i / 3), i % 3, (i % 3) * 80.0, labels[i % labels.length], f));
        }
        return rows;
    }

    @Test
    void roundTripsHeaderLayoutLabelsAndRows() {
        FeatureSet set = FeatureSet.of(4, LAYOUT, rows(10, 1));
        byte[] bytes = set.toBytes();

        FeatureSet back = FeatureSet.fromBytes(bytes);

        assertThat(back).isEqualTo(set);
        assertThat(back.header().labels()).containsExactly("café", "idle", "wave");
        assertThat(back.header().impulseVersion()).isEqualTo(4);
        assertThat(back.header().layout()).isEqualTo(LAYOUT);
        assertThat(Float.floatToRawIntBits(back.rows().get(0).features()[0])).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(bytes).startsWith("EFFS".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length - 4))
                .isEqualTo("EFFE".getBytes(StandardCharsets.US_ASCII));
        assertThat(ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(4);
        assertThat(ByteBuffer.wrap(bytes, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(11);
    }

    @Test
    void streamsRowByRowWithTheSameBytesAsTheWholeSet() {
        List<FeatureRow> rows = rows(25, 2);
        FeatureSet set = FeatureSet.of(1, LAYOUT, rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FeatureSetWriter writer = new FeatureSetWriter(out, set.header())) {
            for (FeatureRow row : rows) {
                writer.write(row);
            }
            assertThat(writer.rowsWritten()).isEqualTo(25);
        }
        assertThat(out.toByteArray()).isEqualTo(set.toBytes());

        List<FeatureRow> read = new ArrayList<>();
        try (FeatureSetReader reader = new FeatureSetReader(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(reader.header()).isEqualTo(set.header());
            reader.forEachRemaining(read::add);
            assertThat(reader.rowsRead()).isEqualTo(25);
        }
        assertThat(read).isEqualTo(rows);
    }

    @Test
    void anEmptySetRoundTrips() {
        FeatureSet empty = FeatureSet.of(2, LAYOUT, List.of());
        assertThat(FeatureSet.fromBytes(empty.toBytes())).isEqualTo(empty);
    }

    @Test
    void everyTruncationIsRefusedAsTruncated() {
        byte[] bytes = FeatureSet.of(3, LAYOUT, rows(4, 3)).toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> FeatureSet.fromBytes(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(FeatureFormatException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void everySingleByteCorruptionIsDetected() {
        byte[] bytes = FeatureSet.of(3, LAYOUT, rows(4, 4)).toBytes();
        for (int offset = 0; offset < bytes.length; offset++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = bytes.clone();
                damaged[offset] ^= (byte) flip;
                assertThatThrownBy(() -> FeatureSet.fromBytes(damaged))
                        .as("byte %d ^ %x", offset, flip)
                        .isInstanceOf(FeatureFormatException.class)
                        .hasMessageStartingWith("feature set: ");
            }
        }
    }

    @Test
    void namesTheProblemAndItsOffset() {
        byte[] bytes = FeatureSet.of(3, LAYOUT, rows(2, 5)).toBytes();

        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> FeatureSet.fromBytes(magic)).hasMessageContaining("byte 0: magic");

        byte[] version = bytes.clone();
        version[4] = 2;
        assertThatThrownBy(() -> FeatureSet.fromBytes(version))
                .hasMessageContaining("byte 4: format version 2 is not supported");

        byte[] checksum = bytes.clone();
        checksum[checksum.length - 20] ^= 0x40; // inside the last row's features
        assertThatThrownBy(() -> FeatureSet.fromBytes(checksum)).hasMessageContaining("checksum mismatch");

        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> FeatureSet.fromBytes(trailing)).hasMessageContaining("after the end");
    }

    @Test
    void refusesNonFiniteFeaturesOnReadEvenWithAValidChecksum() {
        List<FeatureRow> rows = rows(1, 6);
        byte[] bytes = FeatureSet.of(3, LAYOUT, rows).toBytes();
        // the features of the only row end 8 bytes before the end; make feature 10 NaN and fix the checksum
        int feature10 = bytes.length - 8 - 4;
        ByteBuffer.wrap(bytes, feature10, 4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes, bytes.length - 4, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue());
        assertThatThrownBy(() -> FeatureSet.fromBytes(bytes))
                .isInstanceOf(FeatureFormatException.class)
                .hasMessageContaining("row 0 features value 10 is NaN");
    }

    @Test
    void theWriterRefusesBadRowsAndNeverFinishesAShortFile() {
        FeatureSetHeader header = new FeatureSetHeader(1, LAYOUT, List.of("idle"), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FeatureSetWriter writer = new FeatureSetWriter(out, header);
        float[] ok = new float[11];
        assertThatThrownBy(() -> writer.write(new FeatureRow("s", 0, 0, "wave", ok)))
                .isInstanceOf(FeatureFormatException.class)
                .hasMessageContaining("label 'wave'");
        assertThatThrownBy(() -> writer.write(new FeatureRow("s", 0, 0, "idle", new float[3])))
                .hasMessageContaining("3 features, the header says 11");
        float[] nan = new float[11];
        nan[4] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> writer.write(new FeatureRow("s", 0, 0, "idle", nan)))
                .hasMessageContaining("feature 4 is Infinity");
        writer.write(new FeatureRow("s", 0, 0, "idle", ok));
        assertThatThrownBy(writer::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declares 2 rows but 1 were written");
        assertThatThrownBy(() -> FeatureSet.fromBytes(out.toByteArray())).hasMessageContaining("truncated");

        FeatureSetWriter full =
                new FeatureSetWriter(new ByteArrayOutputStream(), new FeatureSetHeader(1, LAYOUT, List.of("idle"), 1));
        full.write(new FeatureRow("s", 0, 0, "idle", ok));
        assertThatThrownBy(() -> full.write(new FeatureRow("s", 1, 0, "idle", ok)))
                .hasMessageContaining("declares 1 rows");
    }

    @Test
    void headersRefuseDuplicateLabels() {
        assertThatThrownBy(() -> new FeatureSetHeader(1, LAYOUT, List.of("a", "b", "a"), 0))
                .hasMessageContaining("'a' appears twice");
    }
}
