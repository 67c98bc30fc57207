package dev.edgeforge.firmware.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.firmware.codegen.TestWindow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestWindowFileTest {

    @Test
    void jsonRoundTripsEveryKindOfWindow() {
        List<TestWindow> windows = List.of(
                TestWindow.quantized(new byte[] {-128, 0, 127}, "yes"),
                TestWindow.features(new float[] {0.5f, -1.25f}, null),
                TestWindow.raw(new float[] {3f, 4f}, "no"));
        TestWindowFile.Windows read = TestWindowFile.read(TestWindowFile.json(windows), "w.json");
        assertThat(read.windows()).isEqualTo(windows);
        assertThat(read.source()).isEqualTo(TestWindowFile.SOURCE_GIVEN);
        assertThat(read.note()).isEqualTo("3 given test windows");
    }

    @Test
    void aFeatureSetGivesLabelledFeatureWindows() {
        FeatureLayout layout =
                new FeatureLayout(List.of(new FeatureLayout.Block(1, "Flatten", "flatten", FeatureShape.of(2), 0)));
        FeatureSet set = FeatureSet.of(
                3,
                layout,
                List.of(
                        new FeatureRow("s1", 0, 0, "wave", new float[] {1, 2}),
                        new FeatureRow("s2", 1, 500, "idle", new float[] {3, 4})));
        TestWindowFile.Windows read = TestWindowFile.read(set.toBytes(), "test.effs");
        assertThat(read.windows())
                .containsExactly(
                        TestWindow.features(new float[] {1, 2}, "wave"),
                        TestWindow.features(new float[] {3, 4}, "idle"));
        assertThat(read.source()).isEqualTo(TestWindowFile.SOURCE_TEST_SET);
        assertThat(read.note()).contains("2 windows of the model's test set", "impulse v3");
    }

    @Test
    void badFilesAreNamedWithWhatIsWrong() {
        assertThatThrownBy(() -> TestWindowFile.read("not json".getBytes(StandardCharsets.UTF_8), "k1"))
                .hasMessageContaining("k1")
                .hasMessageContaining("neither a feature set file");
        assertThatThrownBy(() -> TestWindowFile.read("{\"windows\": []}".getBytes(StandardCharsets.UTF_8), "k2"))
                .hasMessageContaining("k2")
                .hasMessageContaining("non-empty array 'windows'");
        assertThatThrownBy(() -> TestWindowFile.read(
                        "{\"windows\": [{\"features\": [1, \"x\"]}]}".getBytes(StandardCharsets.UTF_8), "k3"))
                .hasMessageContaining("windows[0] of k3.features[1]");
        assertThatThrownBy(() -> TestWindowFile.read(
                        "{\"windows\": [{\"label\": \"a\"}]}".getBytes(StandardCharsets.UTF_8), "k4"))
                .hasMessageContaining("none of 'int8', 'features', 'raw'");
        assertThatThrownBy(() -> TestWindowFile.read("EFFS broken".getBytes(StandardCharsets.US_ASCII), "k5"))
                .hasMessageContaining("the test set k5 is damaged");
    }

    @Test
    void randomWindowsAreSeededAndStayInsideInt8() {
        TestWindowFile.Windows a = TestWindowFile.random(10, -100, 42, 4);
        TestWindowFile.Windows b = TestWindowFile.random(10, -100, 42, 4);
        TestWindowFile.Windows c = TestWindowFile.random(10, -100, 43, 4);
        assertThat(a.windows()).isEqualTo(b.windows()).isNotEqualTo(c.windows()).hasSize(4);
        assertThat(a.source()).isEqualTo(TestWindowFile.SOURCE_RANDOM);
        assertThat(a.note()).contains("seed 42").contains("not accuracy");
        for (float value : a.windows().get(1).values()) { // small values around the zero point
            assertThat(value).isBetween(-108f, -92f);
        }
        assertThat(a.windows()).allSatisfy(window -> assertThat(window.kind()).isEqualTo(TestWindow.Kind.QUANTIZED));
    }
}
