package dev.edgeforge.core.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class GraphPredictorTest {

    /** scores = (x0 - x1, x1 - x0): class 0 when x0 > x1. */
    private static ModelGraph difference() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.FLOAT32, new int[] {1, 2});
        int w = b.addFloatConstant("w", new int[] {2, 2}, new float[] {1, -1, -1, 1});
        int out = b.addTensor("out", DataType.FLOAT32, new int[] {1, 2});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w}, new int[] {out});
        return b.setInputs(in).setOutputs(out).build();
    }

    @Test
    void floatAndInt8GraphsClassifyTheSame() {
        float[][] samples = {{1, 0}, {0, 1}, {0.2f, 0.9f}, {-1, -2}};
        int[] labels = {0, 1, 1, 1}; // the last label is wrong on purpose
        ModelGraph float32 = difference();
        ModelGraph int8 = new PostTrainingQuantizer().quantize(float32, List.of(samples));

        assertThat(new GraphPredictor(float32).predict(samples[0])).containsExactly(1f, -1f);
        assertThat(new GraphPredictor(float32).accuracy(samples, labels)).isEqualTo(0.75);
        assertThat(new GraphPredictor(int8).accuracy(samples, labels)).isEqualTo(0.75);
        assertThat(new GraphPredictor(int8).predict(samples[0])[0]).isCloseTo(1f, Assertions.within(0.05f));
    }

    @Test
    void quantizesHalfAwayFromZeroAndClamps() {
        Quantization q = Quantization.perTensor(0.5f, -10);

        assertThat(GraphPredictor.quantize(new float[] {0.25f, -0.25f, 1f, 1000f, -1000f}, q))
                .containsExactly(-9, -11, -8, 127, -128);
        assertThat(GraphPredictor.argmax(new float[] {1, 3, 3, 2})).isEqualTo(1);
    }

    @Test
    void rejectsSamplesOfTheWrongLength() {
        assertThatThrownBy(() -> new GraphPredictor(difference()).predict(new float[3]))
                .hasMessageContaining("takes 2 values, got 3");
    }
}
