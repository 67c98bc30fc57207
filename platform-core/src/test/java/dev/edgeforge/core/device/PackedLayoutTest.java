package dev.edgeforge.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.ConvParams;
import dev.edgeforge.core.interpreter.DepthwiseConvParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The packed layouts byte for byte, and the in-place allowances on shapes worked out by hand. */
class PackedLayoutTest {

    @Test
    void streamInterleavesBiasesWeightBlocksAndConstantsPerPairOfChannels() {
        // Three channels of 5 weights: stride 8 (two blocks of 4), one pair and an odd last channel.
        byte[] weights = {1, 2, 3, 4, 5, -1, -2, -3, -4, -5, 9, 8, 7, 6, 5};
        PackedRequant rq = new PackedRequant(
                new int[] {10, -20, 30}, new int[] {1 << 30, 1 << 29, 0}, new int[] {64, -128, 7}, new int[] {7, 8, 1});
        ByteBuffer s = ByteBuffer.wrap(PackedLayout.stream(weights, 3, 5, rq)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(s.remaining()).isEqualTo((28 + 2 * 8) + (4 + 8 + 12));
        assertThat(s.getInt()).isEqualTo(10);
        assertThat(s.getInt()).isEqualTo(-20);
        assertThat(bytes(s, 16)).containsExactly(1, 2, 3, 4, -1, -2, -3, -4, 5, 0, 0, 0, -5, 0, 0, 0);
        assertThat(new int[] {s.getInt(), s.getInt(), s.getInt(), s.getInt()})
                .containsExactly(1 << 30, 64, 1 << 29, -128);
        assertThat(bytes(s, 4)).containsExactly(7, 8, 0, 0);
        assertThat(s.getInt()).isEqualTo(30);
        assertThat(bytes(s, 8)).containsExactly(9, 8, 7, 6, 5, 0, 0, 0);
        assertThat(new int[] {s.getInt(), s.getInt()}).containsExactly(0, 7);
        assertThat(bytes(s, 4)).containsExactly(1, 0, 0, 0);
        assertThat(s.remaining()).isZero();
    }

    @Test
    void depthwiseWeightsGoInGroupsOfFourChannelsTapByTap() {
        // Two taps of 5 channels, TFLite order [tap][channel].
        byte[] filter = {1, 2, 3, 4, 5, 11, 12, 13, 14, 15};
        assertThat(PackedLayout.channelGroups(filter, 5, 2))
                .containsExactly(1, 2, 3, 4, 11, 12, 13, 14, 5, 0, 0, 0, 15, 0, 0, 0);
    }

    private static int[] bytes(ByteBuffer buffer, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.get();
        }
        return values;
    }

    private static ConvParams pointwise(int pixels, int inputDepth, int outputDepth, int stride) {
        return new ConvParams(
                true,
                0,
                0,
                new int[0],
                new int[0],
                -128,
                127,
                0,
                0,
                stride,
                stride,
                1,
                1,
                0,
                0,
                1,
                1,
                pixels * stride,
                inputDepth,
                1,
                1,
                1,
                pixels,
                outputDepth);
    }

    @Test
    void aShrinkingPointwiseConvolutionMayStartAfterItsInputForward() {
        // 10 pixels of 8 channels to 4: pixel p's output ends at 4(p+1), pixel p+1 reads from 8(p+1).
        assertThat(PackedLayout.convInPlaceShift(pointwise(10, 8, 4, 1))).isEqualTo(4);
    }

    @Test
    void anExpandingPointwiseConvolutionNeedsItsOutputFarBeforeForwardButAtItsInputInReverse() {
        // 10 pixels of 8 channels to 16. Forward, pixel 8's output ends at 16 * 9, pixel 9 reads from 8 * 9.
        assertThat(PackedLayout.convInPlaceShift(pointwise(10, 8, 16, 1))).isEqualTo(8 * 9 - 16 * 9);
        // In reverse, pixel p's output starts at 16p, pixel p-1 reads up to 8p: the output may start 8 before.
        assertThat(PackedLayout.convReverseInPlaceShift(pointwise(10, 8, 16, 1)))
                .isEqualTo(8 - 16);
    }

    @Test
    void aStridedPointwiseConvolutionSkipsPixels() {
        // Stride 2 along a row of 20 input pixels of 4 channels to 10 output pixels of 4: pixel p reads 8p .. 8p+4.
        assertThat(PackedLayout.convInPlaceShift(pointwise(10, 4, 4, 2))).isEqualTo(8 - 4);
    }

    @Test
    void depthwiseOutputRowsMayStartOneInputRowAfterTheirInput() {
        // 3x3, stride 1, padding 1, 6x5 image of 8 channels: output row y is written once input row y + 1 is read.
        DepthwiseConvParams p = new DepthwiseConvParams(
                true, 0, 0, new int[0], new int[0], -128, 127, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 6, 5, 8, 3, 3, 6, 5, 8);
        assertThat(PackedLayout.depthwiseInPlaceShift(p)).isEqualTo(5 * 8);
        assertThat(PackedLayout.paddedWidth(p)).isEqualTo(7);
    }
}
