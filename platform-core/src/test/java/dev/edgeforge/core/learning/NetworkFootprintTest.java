package dev.edgeforge.core.learning;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkFootprintTest {

    private static final TensorShape RGB_96 = TensorShape.of(96, 96, 3);
    /** What a 128 KiB board has left for the network's activations after the 96×96 RGB888 frame and the runtime. */
    private static final long ROOM_ON_128_KIB = 131_072 - 27_648 - 8_456;

    @Test
    void theOldImageDefaultConv16Conv32CannotFitA128KibBoard() {
        // issue #20: conv16→conv32 on 96x96 RGB; its first pooling holds 96x96x16 + 48x48x16 int8 values
        List<LayerSpec> old = List.of(
                LayerSpec.conv2d(16, 3, 3, 1, Padding.SAME, RELU),
                LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(32, 3, 3, 1, Padding.SAME, RELU),
                LayerSpec.maxPool2d(2, 2),
                LayerSpec.flatten(),
                LayerSpec.dropout(0.25));

        NetworkFootprint footprint =
                NetworkFootprint.of(RGB_96, LearningBlock.classification(old).networkLayers(RGB_96, 5));

        assertThat(footprint.activationBytes()).isEqualTo(147_456 + 36_864);
        assertThat(footprint.activationBytes()).isGreaterThan(ROOM_ON_128_KIB);
        // conv 3x3x3x16 + 16 biases, conv 3x3x16x32 + 32 biases, dense 24x24x32 x 5 + 5 biases
        assertThat(footprint.weightBytes()).isEqualTo(432 + 64 + 4_608 + 128 + 18_432 * 5 + 20);
    }

    @Test
    void theImageDefaultIsDepthwiseSeparableAndFitsA128KibBoardAt96x96Rgb() {
        LearningBlock block = LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.IMAGE, RGB_96);

        NetworkFootprint footprint = NetworkFootprint.of(block, RGB_96, 5);

        assertThat(block.layers())
                .filteredOn(l -> l instanceof LayerSpec.DepthwiseConv2d)
                .hasSize(3);
        assertThat(block.layers().get(0)).isEqualTo(LayerSpec.conv2d(8, 3, 3, 2, Padding.SAME, NONE));
        // the first pointwise convolution: 48x48x8 in, 48x48x16 out
        assertThat(footprint.activationBytes()).isEqualTo(18_432 + 36_864);
        assertThat(footprint.activationBytes()).isLessThan(ROOM_ON_128_KIB);
        assertThat(footprint.weightBytes()).isEqualTo(4_112 + 68 * 5);
        assertThat(ShapeInference.infer(RGB_96, block.networkLayers(RGB_96, 5)).outputShape())
                .isEqualTo(TensorShape.of(5));
    }

    @Test
    void nonSquareAndTinyImagesGetValidDefaults() {
        for (TensorShape shape : List.of(TensorShape.of(64, 96, 1), TensorShape.of(3, 5, 1), TensorShape.of(1, 1, 3))) {
            LearningBlock block =
                    LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.IMAGE, shape);
            assertThat(block.problems(shape, 2)).as(shape.toString()).isEmpty();
            assertThat(NetworkFootprint.of(block, shape, 2).activationBytes()).isPositive();
        }
    }

    @Test
    void layersThatDoNotFitTheInputAreRefused() {
        assertThatThrownBy(() -> NetworkFootprint.of(
                        TensorShape.of(8), List.of(LayerSpec.conv2d(4, 3, 3, 1, Padding.SAME, RELU))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not fit the input [8]");
    }
}
