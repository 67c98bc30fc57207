package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrogramTest {

    @Test
    void aPureToneIsBrightestInItsFrequencyBin() {
        int rate = 16000;
        float[] tone = new float[rate];
        for (int i = 0; i < rate; i++) {
            tone[i] = (float) (10000 * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        SampleData data =
                SampleData.timeSeries(List.of(new Sensor("audio", "wav")), 1000.0 / rate, new float[][] {tone});
        Spectrogram s = Spectrogram.of(data, 0, 100);
        assertThat(s.frames()).isBetween(2, 100);
        assertThat(s.bins()).isEqualTo(256);
        assertThat(s.maxHz()).isEqualTo(8000);
        byte[] bytes = Base64.getDecoder().decode(s.data());
        assertThat(bytes).hasSize(s.frames() * s.bins());
        int frame = s.frames() / 2;
        int loudest = 0;
        for (int k = 1; k < s.bins(); k++) {
            if ((bytes[frame * s.bins() + k] & 0xFF) > (bytes[frame * s.bins() + loudest] & 0xFF)) {
                loudest = k;
            }
        }
        double hz = loudest * s.maxHz() / s.bins();
        assertThat(hz).isBetween(1000 - 2 * s.maxHz() / s.bins(), 1000 + 2 * s.maxHz() / s.bins());
        assertThat(bytes[frame * s.bins() + loudest] & 0xFF).isEqualTo(255);
        assertThat(bytes[frame * s.bins() + s.bins() - 1] & 0xFF).isLessThan(128);
    }
}
