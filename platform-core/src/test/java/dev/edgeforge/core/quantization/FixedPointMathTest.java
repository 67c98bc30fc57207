package dev.edgeforge.core.quantization;

import static dev.edgeforge.core.quantization.FixedPointMath.multiplyByQuantizedMultiplier;
import static dev.edgeforge.core.quantization.FixedPointMath.quantizeMultiplier;
import static dev.edgeforge.core.quantization.FixedPointMath.roundingDivideByPOT;
import static dev.edgeforge.core.quantization.FixedPointMath.saturatingRoundingDoublingHighMul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The reference integer math against values worked out by hand. */
class FixedPointMathTest {

    @Test
    void quantizeMultiplierSplitsLikeFrexp() {
        assertThat(quantizeMultiplier(0.5)).isEqualTo(new QuantizedMultiplier(1 << 30, 0));
        assertThat(quantizeMultiplier(1.0)).isEqualTo(new QuantizedMultiplier(1 << 30, 1));
        assertThat(quantizeMultiplier(0.25)).isEqualTo(new QuantizedMultiplier(1 << 30, -1));
        assertThat(quantizeMultiplier(0.75)).isEqualTo(new QuantizedMultiplier(1610612736, 0));
        assertThat(quantizeMultiplier(3.0)).isEqualTo(new QuantizedMultiplier(1610612736, 2));
        assertThat(quantizeMultiplier(0.0)).isEqualTo(new QuantizedMultiplier(0, 0));
        // 0.1 = 0.8 × 2^-3; 0.8 × 2^31 = 1717986918.4 rounds to 1717986918.
        assertThat(quantizeMultiplier(0.1)).isEqualTo(new QuantizedMultiplier(1717986918, -3));
        // A significand that rounds up to 2^31 is halved and the exponent incremented.
        assertThat(quantizeMultiplier(1.0 - 1e-12)).isEqualTo(new QuantizedMultiplier(1 << 30, 1));
        // Below 2^-31 everything flushes to zero.
        assertThat(quantizeMultiplier(Math.pow(2, -33))).isEqualTo(new QuantizedMultiplier(0, 0));
        assertThat(FixedPointMath.frexpExponent(Double.MIN_VALUE)).isEqualTo(-1073);
    }

    @Test
    void quantizeMultiplierVariantsCheckTheirRange() {
        assertThat(FixedPointMath.quantizeMultiplierGreaterThanOne(3.0).shift()).isEqualTo(2);
        assertThat(FixedPointMath.quantizeMultiplierSmallerThanOneExp(0.1).shift())
                .isEqualTo(-3);
        assertThatThrownBy(() -> FixedPointMath.quantizeMultiplierGreaterThanOne(0.25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPointMath.quantizeMultiplierSmallerThanOneExp(3.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saturatingRoundingDoublingHighMulRoundsAndSaturates() {
        assertThat(saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(saturatingRoundingDoublingHighMul(1 << 30, 1 << 30)).isEqualTo(1 << 29);
        // 5 × 0.5 = 2.5 rounds up to 3; −5 × 0.5 = −2.5 rounds towards zero (gemmlowp's nudge is 1 − 2^30).
        assertThat(saturatingRoundingDoublingHighMul(5, 1 << 30)).isEqualTo(3);
        assertThat(saturatingRoundingDoublingHighMul(-5, 1 << 30)).isEqualTo(-2);
        assertThat(saturatingRoundingDoublingHighMul(-7, 1 << 30)).isEqualTo(-3);
        assertThat(saturatingRoundingDoublingHighMul(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .isEqualTo(-Integer.MAX_VALUE);
    }

    @Test
    void roundingDivideByPowerOfTwoRoundsHalfAwayFromZero() {
        assertThat(roundingDivideByPOT(5, 1)).isEqualTo(3);
        assertThat(roundingDivideByPOT(-5, 1)).isEqualTo(-3);
        assertThat(roundingDivideByPOT(4, 1)).isEqualTo(2);
        assertThat(roundingDivideByPOT(-3, 1)).isEqualTo(-2);
        assertThat(roundingDivideByPOT(7, 2)).isEqualTo(2);
        assertThat(roundingDivideByPOT(-6, 2)).isEqualTo(-2);
        assertThat(roundingDivideByPOT(-5, 2)).isEqualTo(-1);
        assertThat(roundingDivideByPOT(123, 0)).isEqualTo(123);
        assertThat(roundingDivideByPOT(Integer.MIN_VALUE, 31)).isEqualTo(-1);
        assertThat(roundingDivideByPOT(Integer.MAX_VALUE, 31)).isEqualTo(1);
        assertThatThrownBy(() -> roundingDivideByPOT(1, 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multiplyByQuantizedMultiplierAppliesLeftAndRightShifts() {
        assertThat(multiplyByQuantizedMultiplier(100, 1 << 30, 0)).isEqualTo(50);
        assertThat(multiplyByQuantizedMultiplier(100, 1 << 30, -1)).isEqualTo(25);
        assertThat(multiplyByQuantizedMultiplier(100, 1610612736, 1)).isEqualTo(150);
        // −7 × 0.25: the high mul gives −3 (−3.5 towards zero), then −3 / 2 = −1.5 rounds to −2.
        assertThat(multiplyByQuantizedMultiplier(-7, 1 << 30, -1)).isEqualTo(-2);
        // A multiplier of 0.1 applied to 1000 is 100.
        QuantizedMultiplier tenth = quantizeMultiplier(0.1);
        assertThat(multiplyByQuantizedMultiplier(1000, tenth.multiplier(), tenth.shift()))
                .isEqualTo(100);
        assertThat(multiplyByQuantizedMultiplier(-1005, tenth.multiplier(), tenth.shift()))
                .isEqualTo(-101);
    }

    @Test
    void cRoundRoundsHalvesAwayFromZero() {
        assertThat(FixedPointMath.round(2.5)).isEqualTo(3.0);
        assertThat(FixedPointMath.round(-2.5)).isEqualTo(-3.0);
        assertThat(FixedPointMath.round(0.49999999999999994)).isEqualTo(0.0);
        assertThat(FixedPointMath.roundToInt(-0.5f)).isEqualTo(-1);
    }

    @Test
    void fixedPointExpAndReciprocalApproximateTheRealFunctions() {
        // exp(-1) with 5 integer bits in: raw = -1 × 2^26 (gemmlowp's polynomial is good to about 1e-7).
        int exp = FixedPointMath.expOnNegativeValues(-(1 << 26), 5);
        assertThat(exp / Math.pow(2, 31)).isCloseTo(Math.exp(-1), Offset.offset(1e-6));
        assertThat(FixedPointMath.expOnNegativeValues(0, 5)).isEqualTo(Integer.MAX_VALUE);
        // 1 / (1 + 0.5) = 2/3.
        int third = FixedPointMath.oneOverOnePlusXForXIn01(1 << 30);
        assertThat(third / Math.pow(2, 31)).isCloseTo(2.0 / 3, Offset.offset(1e-8));
        // Softmax preprocessing of beta 1, input scale 1/16: 2^26 / 16 = 2^22 → multiplier 2^30, shift 23.
        QuantizedMultiplier m = FixedPointMath.preprocessSoftmaxScaling(1.0, 1.0 / 16, 5);
        assertThat(m).isEqualTo(new QuantizedMultiplier(1 << 30, 23));
        // Radius: 31 × 2^26 / 2^23 = 248.
        assertThat(FixedPointMath.calculateInputRadius(5, 23, 31)).isEqualTo(248);
    }
}
