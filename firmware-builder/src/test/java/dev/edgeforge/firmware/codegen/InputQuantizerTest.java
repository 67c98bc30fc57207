package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.model.Quantization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputQuantizerTest {

    private final InputQuantizer quantizer = new InputQuantizer(Quantization.perTensor(0.5f, 3), 6, Optional.empty());

    @Test
    void roundsHalfAwayFromZeroAndClamps() {
        // x / 0.5: 2.5 -> 3, -2.5 -> -3, 0.75/0.5 = 1.5 -> 2; then + 3, clamped to int8
        assertThat(quantizer.quantize(new float[] {1.25f, -1.25f, 0.75f, 1e30f, -1e30f, Float.NaN}))
                .containsExactly(6, 0, 5, 127, -128, 3);
    }

    @Test
    void windowsOfEveryKindBecomeTheInt8Input() {
        assertThat(quantizer.int8Input(TestWindow.quantized(new byte[] {1, 2, 3, 4, 5, -6}, null)))
                .containsExactly(1, 2, 3, 4, 5, -6);
        assertThat(quantizer.int8Input(TestWindow.features(new float[] {0, 0.5f, 1, 1.5f, 2, -2}, "a")))
                .containsExactly(3, 4, 5, 6, 7, -1);
        assertThatThrownBy(() -> quantizer.int8Input(TestWindow.raw(new float[6], null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impulse");
        assertThatThrownBy(() -> quantizer.int8Input(TestWindow.features(new float[5], null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 values, got 5");
        assertThatThrownBy(() -> new TestWindow(TestWindow.Kind.QUANTIZED, new float[] {1, 200}, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value 1 is 200.0");
    }
}
