package dev.edgeforge.core.quantization;

/**
 * The integer arithmetic of TFLite's and TFLite Micro's reference kernels (TFLite {@code common.h},
 * {@code quantization_util.cc} and gemmlowp's {@code fixedpoint.h}), reproduced exactly, including int32 wrap-around
 * where the C code wraps. Fixed-point values are raw int32s; a value with {@code n} integer bits stands for
 * {@code raw / 2^(31 − n)}.
 */
public final class FixedPointMath {

    private FixedPointMath() {}

    /** C's {@code std::round}: halves round away from zero. */
    public static double round(double value) {
        double magnitude = Math.abs(value);
        double floor = Math.floor(magnitude);
        double rounded = magnitude - floor >= 0.5 ? floor + 1 : floor;
        return Math.copySign(rounded, value);
    }

    /** C's {@code std::round} for floats, to int as {@code static_cast<int32_t>(TfLiteRound(float))}. */
    public static int roundToInt(float value) {
        return (int) round(value);
    }

    /**
     * TFLite's {@code QuantizeMultiplier}: splits {@code realMultiplier} into a Q31 significand and a power-of-two
     * exponent, as {@code frexp} does; multipliers below 2^-31 flush to zero.
     */
    public static QuantizedMultiplier quantizeMultiplier(double realMultiplier) {
        if (realMultiplier == 0.0) {
            return new QuantizedMultiplier(0, 0);
        }
        if (!Double.isFinite(realMultiplier)) {
            throw new IllegalArgumentException("multiplier must be finite, got " + realMultiplier);
        }
        int shift = frexpExponent(realMultiplier);
        double fraction = Math.scalb(realMultiplier, -shift);
        long fixed = (long) round(fraction * (1L << 31));
        if (fixed == (1L << 31)) {
            fixed /= 2;
            shift++;
        }
        if (shift < -31) {
            shift = 0;
            fixed = 0;
        }
        if (shift > 30) {
            throw new IllegalArgumentException("multiplier " + realMultiplier + " is too large to quantize");
        }
        return new QuantizedMultiplier((int) fixed, shift);
    }

    /** TFLite's {@code QuantizeMultiplierGreaterThanOne}: the multiplier must be at least 1 (shift ≥ 0). */
    public static QuantizedMultiplier quantizeMultiplierGreaterThanOne(double realMultiplier) {
        QuantizedMultiplier q = quantizeMultiplier(realMultiplier);
        if (q.shift() < 0) {
            throw new IllegalArgumentException("multiplier " + realMultiplier + " is not greater than one");
        }
        return q;
    }

    /** TFLite's {@code QuantizeMultiplierSmallerThanOneExp}: the multiplier must be below 1 (shift ≤ 0). */
    public static QuantizedMultiplier quantizeMultiplierSmallerThanOneExp(double realMultiplier) {
        QuantizedMultiplier q = quantizeMultiplier(realMultiplier);
        if (q.shift() > 0) {
            throw new IllegalArgumentException("multiplier " + realMultiplier + " is not smaller than one");
        }
        return q;
    }

    /** The exponent {@code frexp} returns: value = fraction × 2^exponent with |fraction| in [0.5, 1). */
    static int frexpExponent(double value) {
        int exponent = Math.getExponent(value);
        if (exponent == Double.MIN_EXPONENT - 1) {
            // Subnormal: normalise first.
            return frexpExponent(value * 0x1p54) - 54;
        }
        return exponent + 1;
    }

    /** gemmlowp's {@code SaturatingRoundingDoublingHighMul}: round(a × b / 2^31), saturating the one overflow. */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long product = (long) a * b;
        long nudge = product >= 0 ? (1L << 30) : (1 - (1L << 30));
        return (int) ((product + nudge) / (1L << 31));
    }

    /** gemmlowp's {@code RoundingDivideByPOT}: x / 2^exponent rounded half away from zero; exponent in 0..31. */
    public static int roundingDivideByPOT(int x, int exponent) {
        if (exponent < 0 || exponent > 31) {
            throw new IllegalArgumentException("exponent must be in 0..31, got " + exponent);
        }
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /**
     * TFLite's {@code MultiplyByQuantizedMultiplier} (the double-rounding version TFLite Micro uses): left shift,
     * SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT for right shifts.
     */
    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
    }

    /** TFLite's {@code MultiplyByQuantizedMultiplierGreaterThanOne}. */
    public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift) {
        return saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier);
    }

    /** TFLite's {@code MultiplyByQuantizedMultiplierSmallerThanOneExp}. */
    public static int multiplyByQuantizedMultiplierSmallerThanOneExp(int x, int multiplier, int leftShift) {
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x, multiplier), -leftShift);
    }

    /**
     * gemmlowp's {@code SaturatingRoundingMultiplyByPOT}: x × 2^exponent, saturating for positive exponents,
     * rounding for negative ones.
     */
    public static int saturatingRoundingMultiplyByPOT(int x, int exponent) {
        if (exponent == 0) {
            return x;
        }
        if (exponent < 0) {
            return roundingDivideByPOT(x, -exponent);
        }
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) {
            return Integer.MAX_VALUE;
        }
        if (x < -threshold) {
            return Integer.MIN_VALUE;
        }
        return x << exponent;
    }

    /** gemmlowp's {@code Rescale}: changes the number of integer bits of a fixed-point value. */
    public static int rescale(int raw, int sourceIntegerBits, int targetIntegerBits) {
        return saturatingRoundingMultiplyByPOT(raw, sourceIntegerBits - targetIntegerBits);
    }

    /** gemmlowp's {@code RoundingHalfSum} for int32. */
    public static int roundingHalfSum(int a, int b) {
        long sum = (long) a + b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2);
    }

    /** gemmlowp's {@code exp_on_interval_between_negative_one_quarter_and_0_excl}, 0 integer bits in and out. */
    static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        final int constantTerm = 1895147668; // exp(-1/8)
        final int constantOneThird = 715827883; // 1/3
        int x = a + (1 << 28); // a + 1/8
        int x2 = saturatingRoundingDoublingHighMul(x, x);
        int x3 = saturatingRoundingDoublingHighMul(x2, x);
        int x4 = saturatingRoundingDoublingHighMul(x2, x2);
        int x4Over4 = saturatingRoundingMultiplyByPOT(x4, -2);
        int poly = saturatingRoundingMultiplyByPOT(
                saturatingRoundingDoublingHighMul(x4Over4 + x3, constantOneThird) + x2, -1);
        return constantTerm + saturatingRoundingDoublingHighMul(constantTerm, x + poly);
    }

    /**
     * gemmlowp's {@code exp_on_negative_values}: exp(a) for a ≤ 0 given with {@code integerBits} integer bits; the
     * result has 0 integer bits.
     */
    public static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int mask = oneQuarter - 1;
        int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
        int result =
                expOnIntervalBetweenNegativeOneQuarterAnd0Excl(rescale(aModQuarterMinusOneQuarter, integerBits, 0));
        int remainder = aModQuarterMinusOneQuarter - a;
        int[] multipliers = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
        for (int i = 0; i < multipliers.length; i++) {
            int exponent = i - 2;
            if (integerBits > exponent) {
                int shiftAmount = fractionalBits + exponent;
                if ((remainder & (1 << shiftAmount)) != 0) {
                    result = saturatingRoundingDoublingHighMul(result, multipliers[i]);
                }
            }
        }
        if (integerBits > 5) {
            int clamp = -(1 << (36 - integerBits));
            if (a < clamp) {
                result = 0;
            }
        }
        if (a == 0) {
            result = Integer.MAX_VALUE;
        }
        return result;
    }

    /** gemmlowp's {@code one_over_one_plus_x_for_x_in_0_1}: 1/(1+a) for a in [0,1), 0 integer bits in and out. */
    public static int oneOverOnePlusXForXIn01(int a) {
        int halfDenominator = roundingHalfSum(a, Integer.MAX_VALUE);
        final int constant48Over17 = 1515870810;
        final int constantNeg32Over17 = -1010580540;
        final int oneF2 = 1 << 29;
        int x = constant48Over17 + saturatingRoundingDoublingHighMul(halfDenominator, constantNeg32Over17);
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = saturatingRoundingDoublingHighMul(halfDenominator, x);
            int oneMinus = oneF2 - halfDenominatorTimesX;
            x = x + rescale(saturatingRoundingDoublingHighMul(x, oneMinus), 4, 2);
        }
        // ExactMulByPot<-1> reinterprets the F2 raw value as F1; then Rescale<0>.
        return rescale(x, 1, 0);
    }

    /**
     * TFLite's {@code GetReciprocal}: 1/x for a positive fixed-point x with {@code integerDigits} integer bits,
     * returned as a 0-integer-bit value; {@code numBitsOverUnit[0]} receives the exponent adjustment.
     */
    public static int reciprocal(int x, int integerDigits, int[] numBitsOverUnit) {
        int headroomPlusOne = Integer.numberOfLeadingZeros(x);
        numBitsOverUnit[0] = integerDigits - headroomPlusOne;
        int shiftedSumMinusOne = (int) (((x & 0xFFFFFFFFL) << headroomPlusOne) - (1L << 31));
        return oneOverOnePlusXForXIn01(shiftedSumMinusOne);
    }

    /** TFLite's {@code CalculateInputRadius}: the largest input difference that can be rescaled without overflow. */
    public static int calculateInputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits) {
        double maxInputRescaled = 1.0
                * ((1 << inputIntegerBits) - 1)
                * (1L << (totalSignedBits - inputIntegerBits))
                / (1L << inputLeftShift);
        return (int) Math.floor(maxInputRescaled);
    }

    /** TFLite's {@code PreprocessSoftmaxScaling}: the multiplier applied to input differences in int8 softmax. */
    public static QuantizedMultiplier preprocessSoftmaxScaling(double beta, double inputScale, int inputIntegerBits) {
        double realMultiplier = Math.min(beta * inputScale * (1 << (31 - inputIntegerBits)), (1L << 31) - 1.0);
        return quantizeMultiplierGreaterThanOne(realMultiplier);
    }
}
