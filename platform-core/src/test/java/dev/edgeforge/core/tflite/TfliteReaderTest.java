package dev.edgeforge.core.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Tensor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TfliteReaderTest {

    @ForEachMlperfTinyModel
    void readsTheMlperfTinyModels(String name) {
        ModelGraph graph = new TfliteReader().read(MlperfTinyModels.tflite(name));
        System.out.println(name + ": " + graph + " ops "
                + graph.operators().stream().map(o -> o.type().toString()).collect(Collectors.joining(",")));
        assertThat(graph.inputTensor(0).type().displayName()).isEqualTo("int8");
        assertThat(graph.outputTensor(0).type().displayName()).isEqualTo("int8");
    }

    @Test
    void kwsHasTheExpectedStructure() {
        ModelGraph graph = new TfliteReader().read(MlperfTinyModels.tflite("kws_ref_model"));
        assertThat(graph.inputTensor(0).shape()).containsExactly(1, 49, 10, 1);
        assertThat(graph.outputTensor(0).shape()).containsExactly(1, 12);
        assertThat(graph.operators())
                .extracting(o -> o.type())
                .containsExactly(
                        OpType.CONV_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.CONV_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.CONV_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.CONV_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.CONV_2D,
                        OpType.AVERAGE_POOL_2D,
                        OpType.RESHAPE,
                        OpType.FULLY_CONNECTED,
                        OpType.SOFTMAX);
        long parameters = graph.tensors().stream()
                .filter(Tensor::isConstant)
                .filter(t -> t.type() != DataType.INT32 || t.rank() != 1 || t.elementCount() != 2)
                .mapToLong(Tensor::elementCount)
                .sum();
        assertThat(parameters).isEqualTo(22_604);
    }

    @Test
    void rejectsAFileThatIsNotTflite() {
        assertThatThrownBy(() -> new TfliteReader().read("hello world, not a model".getBytes()))
                .isInstanceOf(TfliteFormatException.class)
                .hasMessageContaining("identifier");
        assertThatThrownBy(() -> new TfliteReader().read(new byte[3]))
                .isInstanceOf(TfliteFormatException.class)
                .hasMessageContaining("too short");
    }
}
