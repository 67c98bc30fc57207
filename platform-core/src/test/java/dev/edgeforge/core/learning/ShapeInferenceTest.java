package dev.edgeforge.core.learning;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {

    @Test
    void infersEveryLayersShapeForAConv1dStack() {
        ShapeReport report = ShapeInference.infer(
                TensorShape.of(375),
                List.of(
                        LayerSpec.reshape(-1, 3), // [125, 3]
                        LayerSpec.conv1d(8, 3, 1, Padding.SAME, RELU), // [125, 8]
                        LayerSpec.maxPool1d(2, 2), // [62, 8]
                        LayerSpec.conv1d(16, 5, 2, Padding.VALID, NONE), // [(62-5)/2+1 = 29, 16]
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.averagePool1d(3, 3), // [9, 16]
                        LayerSpec.flatten(), // [144]
                        LayerSpec.dropout(0.5),
                        LayerSpec.dense(3, NONE),
                        LayerSpec.softmax()));

        assertThat(report.problems()).isEmpty();
        assertThat(report.outputShapes())
                .containsExactly(
                        TensorShape.of(125, 3),
                        TensorShape.of(125, 8),
                        TensorShape.of(62, 8),
                        TensorShape.of(29, 16),
                        TensorShape.of(29, 16),
                        TensorShape.of(29, 16),
                        TensorShape.of(9, 16),
                        TensorShape.of(144),
                        TensorShape.of(144),
                        TensorShape.of(3),
                        TensorShape.of(3));
    }

    @Test
    void samePaddingWithStrideRoundsUpLikeTflite() {
        ShapeReport report = ShapeInference.infer(
                TensorShape.of(49, 10, 1),
                List.of(
                        LayerSpec.conv2d(8, 3, 3, 2, Padding.SAME, RELU), // [25, 5, 8]
                        LayerSpec.depthwiseConv2d(3, 3, 2, 2, Padding.SAME, RELU), // [13, 3, 16]
                        LayerSpec.maxPool2d(2, 2))); // [6, 1, 16]

        assertThat(report.outputShapes())
                .containsExactly(TensorShape.of(25, 5, 8), TensorShape.of(13, 3, 16), TensorShape.of(6, 1, 16));
        assertThat(Padding.SAME.padBefore(10, 4, 2)).isEqualTo(1);
        assertThat(Padding.SAME.padAfter(10, 4, 2)).isEqualTo(1);
        assertThat(Padding.SAME.padBefore(10, 3, 2)).isZero();
        assertThat(Padding.SAME.padAfter(10, 3, 2)).isEqualTo(1);
    }

    @Test
    void denseOnATimeSeriesNamesTheLayerAndTheFix() {
        ShapeReport report = ShapeInference.infer(
                TensorShape.of(125, 3),
                List.of(
                        LayerSpec.conv1d(8, 3, 1, Padding.SAME, RELU),
                        LayerSpec.dense(10, RELU),
                        LayerSpec.dense(3, NONE)));

        assertThat(report.isValid()).isFalse();
        assertThat(report.problems())
                .extracting(LayerProblem::toString)
                .containsExactly("layer 1 (dense): needs a flat input [features] but gets [125, 8];"
                        + " add a flatten layer before it");
        assertThat(report.outputShapes()).hasSize(1);
        assertThatThrownBy(report::orThrow)
                .isInstanceOf(ArchitectureViolation.class)
                .hasMessageContaining("layer 1 (dense)");
    }

    @Test
    void reportsEveryParameterProblemWithItsIndex() {
        ShapeReport report = ShapeInference.infer(
                TensorShape.of(10),
                List.of(
                        LayerSpec.dense(0, RELU),
                        LayerSpec.dropout(1.5),
                        LayerSpec.reshape(-1, -1),
                        LayerSpec.add(-3)));

        assertThat(report.problems()).extracting(LayerProblem::layerIndex).containsExactly(0, 1, 2, 3);
        assertThat(report.problems().get(0).message()).isEqualTo("units must be between 1 and 4096, got 0");
        assertThat(report.problems().get(1).message()).isEqualTo("rate must be in [0, 1), got 1.5");
        assertThat(report.outputShapes()).isEmpty();
    }

    @Test
    void validKernelLongerThanInputIsRejected() {
        ShapeReport report =
                ShapeInference.infer(TensorShape.of(4, 3), List.of(LayerSpec.conv1d(8, 5, 1, Padding.VALID, RELU)));

        assertThat(report.problems())
                .extracting(LayerProblem::toString)
                .containsExactly("layer 0 (conv1d): kernel time 5 is larger than the input time 4 with padding 'valid';"
                        + " use padding 'same' or a smaller kernel");
    }

    @Test
    void poolLargerThanInputAndWrongRankAreRejected() {
        assertThat(ShapeInference.infer(TensorShape.of(3, 2), List.of(LayerSpec.maxPool1d(4, 4)))
                        .problems())
                .extracting(LayerProblem::message)
                .containsExactly("pool size 4 is larger than the input time 3");
        assertThat(ShapeInference.infer(TensorShape.of(12), List.of(LayerSpec.conv2d(4, 3, 3, 1, null, null)))
                        .problems())
                .extracting(LayerProblem::message)
                .containsExactly(
                        "needs a 2-D input [height, width, channels] but gets [12]; add a reshape layer before it");
    }

    @Test
    void reshapeMustKeepTheElementCount() {
        assertThat(ShapeInference.infer(TensorShape.of(10), List.of(LayerSpec.reshape(3, -1)))
                        .problems())
                .extracting(LayerProblem::message)
                .containsExactly("cannot reshape [10] (10 values) to [3, -1]: 10 is not a multiple of 3");
        assertThat(ShapeInference.infer(TensorShape.of(10), List.of(LayerSpec.reshape(2, 4)))
                        .problems())
                .extracting(LayerProblem::message)
                .containsExactly("cannot reshape [10] (10 values) to [2, 4] (8 values)");
        assertThat(ShapeInference.infer(TensorShape.of(12), List.of(LayerSpec.reshape(2, -1, 3)))
                        .outputShapes())
                .containsExactly(TensorShape.of(2, 2, 3));
    }

    @Test
    void residualAddChecksReferenceAndShapes() {
        List<LayerSpec> residual = List.of(
                LayerSpec.dense(8, RELU), // 0
                LayerSpec.dense(8, NONE), // 1
                LayerSpec.batchNorm(), // 2
                LayerSpec.add(0), // 3: out(2) + out(0)
                LayerSpec.dense(4, RELU));
        assertThat(ShapeInference.infer(TensorShape.of(5), residual).isValid()).isTrue();

        assertThat(ShapeInference.infer(TensorShape.of(5), List.of(LayerSpec.dense(8, RELU), LayerSpec.add(-1)))
                        .problems())
                .extracting(LayerProblem::toString)
                .containsExactly(
                        "layer 1 (add): cannot add the output of the input with shape [5] to the previous layer's"
                                + " output with shape [8]; shapes must be equal");
        assertThat(ShapeInference.infer(TensorShape.of(5), List.of(LayerSpec.dense(8, RELU), LayerSpec.add(0)))
                        .problems())
                .extracting(LayerProblem::message)
                .containsExactly(
                        "from must reference a layer before the previous one (at most -1, or -1 for the input), got 0");
        assertThat(ShapeInference.infer(
                                TensorShape.of(8),
                                List.of(LayerSpec.dense(8, RELU), LayerSpec.dense(8, RELU), LayerSpec.add(-1)))
                        .isValid())
                .isTrue();
    }

    @Test
    void batchNormMustBeFoldableIntoThePreviousLayer() {
        assertThat(ShapeInference.infer(TensorShape.of(5), List.of(LayerSpec.dense(8, RELU), LayerSpec.batchNorm()))
                        .problems())
                .extracting(LayerProblem::layerIndex)
                .containsExactly(1);
        assertThat(ShapeInference.infer(TensorShape.of(5), List.of(LayerSpec.batchNorm()))
                        .problems())
                .extracting(LayerProblem::layerIndex)
                .containsExactly(0);
        assertThat(ShapeInference.infer(
                                TensorShape.of(8),
                                List.of(
                                        LayerSpec.dense(8, RELU),
                                        LayerSpec.dense(8, NONE),
                                        LayerSpec.batchNorm(),
                                        LayerSpec.dense(8, NONE),
                                        LayerSpec.add(1)))
                        .problems())
                .extracting(LayerProblem::toString)
                .containsExactly(
                        "layer 4 (add): from 1 reads the output of layer 1 before the batch norm at layer 2 that is"
                                + " folded into it; reference layer 2 instead");
    }
}
