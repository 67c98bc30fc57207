package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureChunkFormatTest {

    private static final FeatureCacheKey KEY = new FeatureCacheKey("0123456789abcdef".repeat(4));

    private static FeatureChunk chunk(int windows) {
        List<WindowFeatures> list = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            float[] f = new float[6];
            for (int i = 0; i < 6; i++) {
                f[i] = w * 10 + i + 0.25f;
            }
            list.add(new WindowFeatures(w, w * 80.0, f));
        }
        return new FeatureChunk(KEY, 6, list);
    }

    @Test
    void roundTrips() {
        FeatureChunk chunk = chunk(5);
        assertThat(FeatureChunk.fromBytes(chunk.toBytes())).isEqualTo(chunk);
        FeatureChunk empty = chunk(0);
        assertThat(FeatureChunk.fromBytes(empty.toBytes())).isEqualTo(empty);
    }

    @Test
    void attachesSampleIdAndLabelOnlyWhenRowsAreMade() {
        List<FeatureRow> rows = chunk(3).rows("s9", "circle");
        assertThat(rows).extracting(FeatureRow::sampleId).containsOnly("s9");
        assertThat(rows).extracting(FeatureRow::label).containsOnly("circle");
        assertThat(rows).extracting(FeatureRow::windowStartMs).containsExactly(0.0, 80.0, 160.0);
        assertThat(rows.get(2).features()).containsExactly(20.25f, 21.25f, 22.25f, 23.25f, 24.25f, 25.25f);
    }

    @Test
    void refusesEveryTruncationAndCorruption() {
        byte[] bytes = chunk(3).toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> FeatureChunk.fromBytes(prefix))
                    .as("prefix %d", length)
                    .isInstanceOf(FeatureFormatException.class)
                    .hasMessageContaining("feature chunk: ")
                    .hasMessageContaining("truncated");
        }
        for (int offset = 0; offset < bytes.length; offset++) {
            byte[] damaged = bytes.clone();
            damaged[offset] ^= 0x10;
            assertThatThrownBy(() -> FeatureChunk.fromBytes(damaged))
                    .as("byte %d", offset)
                    .isInstanceOf(FeatureFormatException.class);
        }
        assertThatThrownBy(() -> FeatureChunk.fromBytes(
                        FeatureSet.of(1, FeatureSetFormatTest.LAYOUT, List.of()).toBytes()))
                .hasMessageContaining("byte 0: magic");
    }

    @Test
    void refusesInconsistentChunks() {
        assertThatThrownBy(() -> new FeatureChunk(KEY, 4, List.of(new WindowFeatures(0, 0, new float[5]))))
                .hasMessageContaining("window 0 has 5 features");
        assertThatThrownBy(() -> new FeatureChunk(
                        KEY,
                        1,
                        List.of(new WindowFeatures(1, 0, new float[1]), new WindowFeatures(1, 0, new float[1]))))
                .hasMessageContaining("must increase");
    }
}
