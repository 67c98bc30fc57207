package dev.edgeforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelGraphTest {

    private static ModelGraph.Builder denseGraph(int[] outputShape) {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("input", DataType.FLOAT32, new int[] {1, 4});
        int w = b.addFloatConstant("dense/weights", new int[] {3, 4}, new float[12]);
        int bias = b.addFloatConstant("dense/bias", new int[] {3}, new float[] {1, 2, 3});
        int out = b.addTensor("scores", DataType.FLOAT32, outputShape);
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias}, new int[] {
                    out
                });
        return b.setInputs(in).setOutputs(out);
    }

    @Test
    void buildsAValidGraphWithLabelsAndMetadata() {
        ModelGraph graph = denseGraph(new int[] {1, 3})
                .optLabels(List.of("a", "b", "c"))
                .optMetadata("source", "test")
                .build();

        assertThat(graph.tensors()).hasSize(4);
        assertThat(graph.inputTensor(0).name()).isEqualTo("input");
        assertThat(graph.outputTensor(0).shape()).containsExactly(1, 3);
        assertThat(graph.tensor(2).floatData()).containsExactly(1, 2, 3);
        assertThat(graph.labels()).containsExactly("a", "b", "c");
        assertThat(graph.metadata()).containsEntry("source", "test");
        assertThat(graph.toBuilder().build()).isEqualTo(graph);
    }

    @Test
    void rejectsAFullyConnectedOutputOfTheWrongSize() {
        assertThatThrownBy(() -> denseGraph(new int[] {1, 4}).build())
                .isInstanceOf(ModelGraphViolation.class)
                .hasMessageContaining("operator 0 FULLY_CONNECTED")
                .hasMessageContaining("rows of 3 units");
    }

    @Test
    void rejectsReadingATensorBeforeItIsWritten() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.FLOAT32, new int[] {1, 2});
        int mid = b.addTensor("mid", DataType.FLOAT32, new int[] {1, 2});
        int out = b.addTensor("out", DataType.FLOAT32, new int[] {1, 2});
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {mid}, new int[] {out});
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {in}, new int[] {mid});
        b.setInputs(in).setOutputs(out);

        assertThatThrownBy(b::build)
                .isInstanceOf(ModelGraphViolation.class)
                .hasMessageContaining("operator 0 SOFTMAX reads tensor 1 'mid'");
    }

    @Test
    void checksConvolutionOutputShapeFromPaddingAndStride() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.FLOAT32, new int[] {1, 5, 5, 2});
        int f = b.addFloatConstant("f", new int[] {4, 3, 3, 2}, new float[72]);
        int same = b.addTensor("same", DataType.FLOAT32, new int[] {1, 3, 3, 4});
        int valid = b.addTensor("valid", DataType.FLOAT32, new int[] {1, 2, 2, 4});
        b.addOperator(
                OpType.CONV_2D,
                Conv2DOptions.of(Padding.SAME, 2, 2, Activation.RELU),
                new int[] {in, f, -1},
                new int[] {same});
        b.addOperator(
                OpType.CONV_2D, Conv2DOptions.of(Padding.VALID, 2, 2, Activation.RELU), new int[] {in, f}, new int[] {
                    valid
                });
        assertThat(b.setInputs(in).setOutputs(same, valid).build().operators()).hasSize(2);

        ModelGraph.Builder wrong = ModelGraph.builder();
        int in2 = wrong.addTensor("in", DataType.FLOAT32, new int[] {1, 5, 5, 2});
        int f2 = wrong.addFloatConstant("f", new int[] {4, 3, 3, 2}, new float[72]);
        int out2 = wrong.addTensor("out", DataType.FLOAT32, new int[] {1, 3, 3, 4});
        wrong.addOperator(
                OpType.CONV_2D, Conv2DOptions.of(Padding.VALID, 2, 2, Activation.NONE), new int[] {in2, f2}, new int[] {
                    out2
                });
        assertThatThrownBy(() -> wrong.setInputs(in2).setOutputs(out2).build())
                .hasMessageContaining("should be [1,2,2,4]");
    }

    @Test
    void rejectsInt8ActivationsWithoutQuantizationAndWrongConstantSizes() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.INT8, new int[] {1, 4});
        int out = b.addTensor("out", DataType.INT8, new int[] {1, 4}, Quantization.perTensor(1f / 256, -128));
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {in}, new int[] {out});
        assertThatThrownBy(() -> b.setInputs(in).setOutputs(out).build())
                .hasMessageContaining("must be int8 with per-tensor quantization");

        assertThatThrownBy(() -> ModelGraph.builder()
                        .addConstant("w", DataType.INT8, new int[] {8, 3, 3, 1}, null, new byte[1024]))
                .hasMessageContaining("1024 data bytes, shape [8,3,3,1] int8 needs 72");
    }

    @Test
    void paddingComputesTfliteOutputSizes() {
        assertThat(Padding.SAME.outputSize(96, 3, 2, 1)).isEqualTo(48);
        assertThat(Padding.VALID.outputSize(49, 10, 2, 1)).isEqualTo(20);
        assertThat(Padding.SAME.paddingBefore(96, 3, 2, 1, 48)).isEqualTo(0);
        assertThat(Padding.SAME.paddingBefore(32, 3, 1, 1, 32)).isEqualTo(1);
    }
}
