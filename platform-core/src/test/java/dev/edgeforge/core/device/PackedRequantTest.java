package dev.edgeforge.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.quantization.FixedPointMath;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused requantization of the packed kernels, computed here as the C kernels compute it (SMMLAR, the sign bit,
 * one arithmetic shift, int32 at every step), equals TFLM's MultiplyByQuantizedMultiplier for every accumulator the
 * layer can produce, on random layers and at the accumulators' ends and rounding ties.
 */
class PackedRequantTest {

    private static final long INT32_MIN = Integer.MIN_VALUE;
    private static final long INT32_MAX = Integer.MAX_VALUE;

    /** The kernel's arithmetic on TFLM's accumulator acc; fails when an int32 step would overflow. */
    private static int fused(PackedRequant rq, int c, long acc) {
        long acc2 = 2 * acc;
        assertThat(acc2).as("doubled accumulator").isBetween(INT32_MIN, INT32_MAX);
        long high = (acc2 * rq.multiplier()[c] + (1L << 31)) >> 32; // SMMULR
        long sum = high + rq.rounding()[c] + (acc2 < 0 ? -1 : 0);
        assertThat(sum).as("rounded sum").isBetween(INT32_MIN, INT32_MAX);
        return (int) (sum >> rq.shift()[c]);
    }

    private record Layer(
            int[][] weights, int[] bias, int[] multiplier, int[] shift, int inputOffset, int outputOffset) {

        PackedRequant.Weights asWeights() {
            return new PackedRequant.Weights() {
                @Override
                public int channels() {
                    return weights.length;
                }

                @Override
                public int taps() {
                    return weights[0].length;
                }

                @Override
                public int weight(int c, int k) {
                    return weights[c][k];
                }
            };
        }

        Optional<PackedRequant> requant() {
            return PackedRequant.of(asWeights(), bias, multiplier, shift, inputOffset, outputOffset);
        }

        /** TFLM's accumulator at one end of the input range (all inputs at their extreme for each weight). */
        long end(int c, boolean high) {
            long acc = bias[c];
            for (int w : weights[c]) {
                long a = (long) w * (-128 + inputOffset);
                long b = (long) w * (127 + inputOffset);
                acc += high ? Math.max(a, b) : Math.min(a, b);
            }
            return acc;
        }
    }

    private static Layer randomLayer(Random random, int channels, int taps) {
        int[][] weights = new int[channels][taps];
        int[] bias = new int[channels];
        int[] multiplier = new int[channels];
        int[] shift = new int[channels];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < taps; k++) {
                weights[c][k] = random.nextInt(255) - 127;
            }
            bias[c] = random.nextInt(200_001) - 100_000;
            multiplier[c] = (1 << 30) + random.nextInt(1 << 30);
            shift[c] = -1 - random.nextInt(14);
        }
        return new Layer(weights, bias, multiplier, shift, random.nextInt(256) - 127, random.nextInt(256) - 128);
    }

    @Test
    void fusedRequantizationEqualsTflmOverTheWholeAccumulatorRange() {
        Random random = new Random(15);
        for (int round = 0; round < 200; round++) {
            Layer layer = randomLayer(random, 4, 1 + random.nextInt(300));
            PackedRequant rq = layer.requant().orElseThrow();
            for (int c = 0; c < 4; c++) {
                long low = layer.end(c, false);
                long high = layer.end(c, true);
                for (int k = 0; k < 400; k++) {
                    long acc = k < 2 ? (k == 0 ? low : high) : low + (long) (random.nextDouble() * (high - low));
                    int expected = FixedPointMath.multiplyByQuantizedMultiplier(
                                    (int) acc, layer.multiplier()[c], layer.shift()[c])
                            + layer.outputOffset();
                    assertThat(fused(rq, c, acc))
                            .as("round %d channel %d acc %d", round, c, acc)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void tiesOfTheSecondRoundingRoundAwayFromZero() {
        // Multiplier 0.5, shift 4: the high product is acc / 2 exactly, then divided by 16 with ties away from zero.
        int[][] weights = {{1}};
        Layer layer = new Layer(weights, new int[] {0}, new int[] {1 << 30}, new int[] {-4}, 0, 0);
        PackedRequant rq = layer.requant().orElseThrow();
        for (int acc = -200; acc <= 200; acc++) {
            assertThat(fused(rq, 0, acc))
                    .as("acc %d", acc)
                    .isEqualTo(FixedPointMath.multiplyByQuantizedMultiplier(acc, 1 << 30, -4));
        }
        assertThat(fused(rq, 0, -16)).isEqualTo(-1); // -16 / 2 / 16 = -0.5 -> -1
        assertThat(fused(rq, 0, 16)).isEqualTo(1);
    }

    @Test
    void channelsThatCannotChangeBecomeConstants() {
        int[][] weights = {{100, -100, 50}, {3, 3, 3}, {1, 2, 3}};
        // Channel 0: multiplier 0. Channel 1: scale 2^-40, the output is the offset. Channel 2: a tiny scale and a
        // huge bias, the output is another constant.
        int[] bias = {7, -5, 1_500_000_000};
        int[] multiplier = {0, 1 << 30, 1 << 30};
        int[] shift = {0, -30, -24};
        Layer layer = new Layer(weights, bias, multiplier, shift, 128, -3);
        PackedRequant rq = layer.requant().orElseThrow();
        assertThat(rq.multiplier()).containsExactly(0, 0, 0);
        assertThat(rq.shift()).containsExactly(1, 1, 1);
        int third = FixedPointMath.multiplyByQuantizedMultiplier(1_500_000_000, 1 << 30, -24) - 3;
        assertThat(third).isNotEqualTo(-3);
        assertThat(rq.rounding()).containsExactly(1 + 2 * -3, 1 + 2 * -3, 1 + 2 * third);
        assertThat(rq.bias2()).containsExactly(0, 0, 0);
        for (int c = 0; c < 3; c++) {
            for (boolean high : new boolean[] {false, true}) {
                int expected =
                        FixedPointMath.multiplyByQuantizedMultiplier((int) layer.end(c, high), multiplier[c], shift[c])
                                - 3;
                // Any accumulator the kernel forms (here the doubled raw sum) gives the constant.
                assertThat(fused(rq, c, 0)).isEqualTo(expected);
                assertThat(fused(rq, c, 1000)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLeftShiftOnAChannelThatVariesKeepsTheUnpackedKernel() {
        int[][] weights = {{100, -100}};
        assertThat(new Layer(weights, new int[] {0}, new int[] {1 << 30}, new int[] {2}, 0, 0).requant())
                .isEmpty();
        assertThat(new Layer(weights, new int[] {0}, new int[] {1 << 30}, new int[] {0}, 0, 0).requant())
                .isEmpty();
        // An accumulator TFLM itself could wrap.
        assertThat(new Layer(weights, new int[] {Integer.MAX_VALUE - 10}, new int[] {1 << 30}, new int[] {-20}, 0, 0)
                        .requant())
                .isEmpty();
    }
}
