package dev.edgeforge.core.format.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.format.SampleArbitraries;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WavWriterTest {

    private static Arbitrary<SampleData> audio(Arbitrary<Float> values) {
        Arbitrary<Integer> channels = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> frames = Arbitraries.integers().between(1, 300);
        Arbitrary<Integer> rate = Arbitraries.of(1, 8000, 11025, 16000, 22050, 44100, 48000, 96000, 12345);
        return Combinators.combine(channels, frames, rate)
                .flatAs((c, n, hz) -> values.list().ofSize(c * n).map(vs -> {
                    List<Sensor> sensors = new ArrayList<>();
                    float[][] v = new float[c][n];
                    for (int ch = 0; ch < c; ch++) {
                        sensors.add(new Sensor(c == 1 ? "audio" : "audio" + (ch + 1), "wav"));
                    }
                    for (int i = 0; i < c * n; i++) {
                        v[i % c][i / c] = vs.get(i);
                    }
                    return SampleData.timeSeries(sensors, 1000.0 / hz, v);
                }));
    }

    @Provide
    Arbitrary<SampleData> int16Audio() {
        return audio(SampleArbitraries.wholeFloats(Short.MIN_VALUE, Short.MAX_VALUE));
    }

    @Provide
    Arbitrary<SampleData> floatAudio() {
        return audio(Arbitraries.oneOf(
                Arbitraries.floats().between(-100_000, 100_000).ofScale(4),
                Arbitraries.of(-0.0f, 32768f, -32768f, 1e-20f, 3.0e38f)));
    }

    @Property(tries = 150)
    void pcm16RoundTrip(@ForAll("int16Audio") SampleData sample) {
        WavAudio back = WavReader.read(WavWriter.writePcm16(sample));
        assertThat(back.data().values()).isEqualTo(sample.values());
        assertThat(back.data().sensors()).isEqualTo(sample.sensors());
        assertThat(back.data().intervalMs()).isEqualTo(sample.intervalMs());
        assertThat(back.format().bitsPerSample()).isEqualTo(16);
    }

    @Property(tries = 150)
    void float32RoundTrip(@ForAll("floatAudio") SampleData sample) {
        WavAudio back = WavReader.read(WavWriter.writeFloat32(sample));
        assertThat(back.data().values()).isEqualTo(sample.values());
        assertThat(back.data().intervalMs()).isEqualTo(sample.intervalMs());
        assertThat(back.format().floatingPoint()).isTrue();
    }

    @Test
    void javaSoundReadsWhatWeWrite() throws Exception {
        SampleData s = SampleData.timeSeries(List.of(Sensor.of("l"), Sensor.of("r")), 1000.0 / 16000, new float[][] {
            {1, 2.6f, 40000}, {-1, -2.4f, -40000}
        });
        byte[] wav = WavWriter.writePcm16(s);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleRate()).isEqualTo(16000f);
            assertThat(f.getChannels()).isEqualTo(2);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFrameLength()).isEqualTo(3);
            byte[] pcm = in.readAllBytes();
            short[] samples = new short[6];
            ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            // rounded to the nearest integer, clamped to the 16-bit range
            assertThat(samples)
                    .containsExactly((short) 1, (short) -1, (short) 3, (short) -2, Short.MAX_VALUE, Short.MIN_VALUE);
        }
    }

    @Test
    void refusesRatesThatAreNotWholeHertz() {
        SampleData s = SampleData.timeSeries(List.of(Sensor.of("a")), 0.3, new float[][] {{1}});
        assertThatThrownBy(() -> WavWriter.writePcm16(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a whole-number sample rate");
    }
}
