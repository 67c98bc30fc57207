package dev.edgeforge.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpulseDspTest {

    private static Impulse audio() {
        return new Impulse(
                1,
                new AudioInput(1000, 500, 8000, true),
                List.of(new ProcessingBlock(1, "MFCC", List.of("audio"), MfccParams.defaults())),
                List.of(new LearningBlockRef("classification", "NN", List.of(1), null)));
    }

    @Test
    void audioWindowsAreInt16CountsHalfTheBytesOfFloat32() {
        ImpulseDsp dsp = ImpulseDsp.of(audio());
        assertThat(dsp.sample()).isEqualTo(WindowSample.INT16);
        assertThat(dsp.windowType()).isEqualTo("int16_t");
        assertThat(dsp.windowCount()).isEqualTo(8000);
        assertThat(dsp.windowBytes()).isEqualTo(16_000);
    }

    @Test
    void sensorWindowsStayFloat32() {
        Impulse impulse = new Impulse(
                1,
                new TimeSeriesInput(1000, 500, 100, true),
                List.of(new ProcessingBlock(1, "Flatten", List.of("x", "y", "z"), FlattenParams.defaults())),
                List.of());
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        assertThat(dsp.sample()).isEqualTo(WindowSample.FLOAT32);
        assertThat(dsp.windowBytes()).isEqualTo(3 * 100 * 4);
    }

    @Test
    void anAudioWindowGoesToTheDeviceRoundedAndSaturatedAndItsFeaturesAreOfThoseCounts() {
        ImpulseDsp dsp = ImpulseDsp.of(audio());
        float[] window = new float[8000];
        for (int i = 0; i < window.length; i++) {
            window[i] = (float) (12000 * Math.sin(i * 0.05) + 0.4 * Math.cos(i)); // resampled audio has fractions
        }
        window[0] = 40_000.7f;
        window[1] = -40_000f;
        window[2] = 2.5f;
        ByteBuffer bytes = ByteBuffer.wrap(dsp.windowBytes(window)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(16_000);
        assertThat(bytes.getShort(0)).isEqualTo(Short.MAX_VALUE);
        assertThat(bytes.getShort(2)).isEqualTo(Short.MIN_VALUE);
        assertThat(bytes.getShort(4)).isEqualTo((short) 2); // ties to even
        float[] counts = new float[window.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = bytes.getShort(2 * i);
        }
        assertThat(dsp.features(window)).containsExactly(dsp.features(counts));
    }

    @Test
    void aNanSampleIsRefused() {
        assertThatThrownBy(() -> WindowSample.int16(Float.NaN)).hasMessageContaining("NaN");
    }
}
