package dev.edgeforge.core.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.format.SampleArbitraries;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsvSampleWriterTest {

    @Provide
    Arbitrary<SampleData> samples() {
        // at least two rows: with one row the timestamps cannot give the interval back
        return SampleArbitraries.timeSeries(4, 80, SampleArbitraries.finiteFloats())
                .filter(s -> s.length() >= 2);
    }

    @Property(tries = 200)
    void roundTrip(@ForAll("samples") SampleData sample) {
        CsvSample back = CsvSampleReader.read(CsvSampleWriter.write(sample), CsvReadOptions.defaults());
        assertThat(back.data().sensors()).isEqualTo(sample.sensors());
        assertThat(back.data().values()).isEqualTo(sample.values());
        assertThat(back.data().intervalMs()).isCloseTo(sample.intervalMs(), within(sample.intervalMs() * 1e-9));
        assertThat(back.timestamps()).isEqualTo(CsvTimestamps.MILLISECONDS);
    }

    @Test
    void writesTheDocumentedLayout() {
        SampleData s = SampleData.timeSeries(
                List.of(new Sensor("accX", "m/s2"), Sensor.of("raw (v1)"), Sensor.of("a,b")),
                2.5,
                new float[][] {{1, 2}, {0.5f, -0.0f}, {3, 4}});
        String text = new String(CsvSampleWriter.write(s), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("timestamp,accX (m/s2),raw (v1) (),\"a,b\"\n0,1,0.5,3\n2.5,2,-0.0,4\n");
        assertThat(CsvSampleReader.read(text, CsvReadOptions.defaults()).data().sensors())
                .isEqualTo(s.sensors());
    }

    @Test
    void refusesImagesAndBracketedUnits() {
        assertThatThrownBy(() -> CsvSampleWriter.write(SampleData.image(new ImageInfo(1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        SampleData s = SampleData.timeSeries(List.of(new Sensor("x", "(m)")), 1, new float[][] {{1}});
        assertThatThrownBy(() -> CsvSampleWriter.write(s)).isInstanceOf(IllegalArgumentException.class);
    }
}
