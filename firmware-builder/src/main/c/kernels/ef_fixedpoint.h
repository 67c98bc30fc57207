/*
 * Internal fixed-point helpers shared by the int8 kernels.
 *
 * These reproduce, operation for operation, the integer math of TensorFlow Lite Micro's reference
 * kernels (tensorflow/lite/kernels/internal/common.{h,cc}, double-rounding variant, which is TFLM's
 * default) and of gemmlowp's fixedpoint.h for int32 scalars, so that every kernel is bit-exact with
 * TFLM and with EdgeForge's Java reference interpreter. Where C would have undefined behaviour on
 * signed overflow (left shifts of negative values, wrapping adds) the arithmetic is done on uint32_t
 * and converted back, which is what the TFLM code does in practice on two's-complement targets.
 *
 * Not part of the public API: only kernels include this file.
 */
#ifndef EF_FIXEDPOINT_H
#define EF_FIXEDPOINT_H

#include <stdint.h>

#define EF_INT32_MIN ((int32_t)(-2147483647 - 1))
#define EF_INT32_MAX ((int32_t)2147483647)

/* x * 2^shift with two's-complement wrap-around (shift in 0..31), as `x * (1 << shift)` in TFLM. */
static inline int32_t ef_shl_wrap(int32_t x, int shift)
{
    return (int32_t)((uint32_t)x << shift);
}

static inline int32_t ef_add_wrap(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

static inline int32_t ef_sub_wrap(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a - (uint32_t)b);
}

static inline int32_t ef_min_i32(int32_t a, int32_t b)
{
    return a < b ? a : b;
}

static inline int32_t ef_max_i32(int32_t a, int32_t b)
{
    return a > b ? a : b;
}

/* Clamp to [lo, hi] in TFLM's order: max with the lower bound first, then min with the upper. */
static inline int32_t ef_clamp_i32(int32_t x, int32_t lo, int32_t hi)
{
    return ef_min_i32(ef_max_i32(x, lo), hi);
}

/*
 * gemmlowp SaturatingRoundingDoublingHighMul (ARM VQRDMULH): round(a * b / 2^31), ties away from
 * zero, with the single overflow case INT32_MIN * INT32_MIN saturated to INT32_MAX.
 */
static inline int32_t ef_srdhm(int32_t a, int32_t b)
{
    if (a == b && a == EF_INT32_MIN) {
        return EF_INT32_MAX;
    }
    const int64_t ab = (int64_t)a * (int64_t)b;
    const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    /* C division truncates toward zero, exactly like the C++ reference. */
    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/* gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero (exponent 0..31). */
static inline int32_t ef_rounding_divide_by_pot(int32_t x, int exponent)
{
    const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    /* Arithmetic right shift of a negative value: implementation-defined in C99, arithmetic on
     * every compiler we target (gcc, clang, arm-none-eabi-gcc), as the C++ reference assumes. */
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/*
 * gemmlowp SaturatingRoundingMultiplyByPOT<exponent> for exponent > 0: a left shift that saturates
 * to INT32_MIN/INT32_MAX instead of overflowing.
 */
static inline int32_t ef_saturating_shl(int32_t x, int exponent)
{
    const int32_t threshold = (int32_t)(((int64_t)1 << (31 - exponent)) - 1);
    if (x > threshold) {
        return EF_INT32_MAX;
    }
    if (x < -threshold) {
        return EF_INT32_MIN;
    }
    return ef_shl_wrap(x, exponent);
}

/* gemmlowp SaturatingRoundingMultiplyByPOT<exponent> for any sign of exponent. */
static inline int32_t ef_saturating_rounding_multiply_by_pot(int32_t x, int exponent)
{
    if (exponent > 0) {
        return ef_saturating_shl(x, exponent);
    }
    if (exponent < 0) {
        return ef_rounding_divide_by_pot(x, -exponent);
    }
    return x;
}

/* gemmlowp RoundingHalfSum for int32: (a + b) / 2 rounded to nearest, ties away from zero. */
static inline int32_t ef_rounding_half_sum(int32_t a, int32_t b)
{
    const int64_t sum = (int64_t)a + (int64_t)b;
    const int64_t sign = sum >= 0 ? 1 : -1;
    return (int32_t)((sum + sign) / 2);
}

/*
 * TFLM MultiplyByQuantizedMultiplier (double rounding): x * multiplier * 2^shift where multiplier is
 * a Q0.31 value in [2^30, 2^31) and shift > 0 means a left shift.
 */
static inline int32_t ef_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift)
{
    const int left_shift = shift > 0 ? (int)shift : 0;
    const int right_shift = shift > 0 ? 0 : (int)-shift;
    return ef_rounding_divide_by_pot(ef_srdhm(ef_shl_wrap(x, left_shift), multiplier), right_shift);
}

/* TFLM MultiplyByQuantizedMultiplierSmallerThanOneExp (used by ADD): shift <= 0. */
static inline int32_t ef_multiply_by_quantized_multiplier_smaller_than_one(int32_t x, int32_t multiplier, int32_t shift)
{
    return ef_rounding_divide_by_pot(ef_srdhm(x, multiplier), (int)-shift);
}

/* TFLM MultiplyByQuantizedMultiplierGreaterThanOne (used by SOFTMAX): left_shift >= 0. */
static inline int32_t ef_multiply_by_quantized_multiplier_greater_than_one(int32_t x, int32_t multiplier,
                                                                           int32_t left_shift)
{
    return ef_srdhm(ef_shl_wrap(x, (int)left_shift), multiplier);
}

/* Count of leading zero bits of a uint32 (32 for zero), as TFLM's CountLeadingZeros. */
static inline int ef_count_leading_zeros(uint32_t x)
{
    if (x == 0) {
        return 32;
    }
    int n = 0;
    while ((x & 0x80000000u) == 0) {
        x <<= 1;
        ++n;
    }
    return n;
}

/*
 * gemmlowp exp_on_interval_between_negative_one_quarter_and_0_excl for Q0.31: a Taylor expansion of
 * exp around -1/8.
 */
static inline int32_t ef_exp_on_interval_between_negative_one_quarter_and_0_excl(int32_t a)
{
    const int32_t constant_term = 1895147668;           /* exp(-1/8) in Q0.31 */
    const int32_t constant_1_over_3 = 715827883;        /* 1/3 in Q0.31 */
    const int32_t x = ef_add_wrap(a, (int32_t)1 << 28); /* a + 1/8 */
    const int32_t x2 = ef_srdhm(x, x);
    const int32_t x3 = ef_srdhm(x2, x);
    const int32_t x4 = ef_srdhm(x2, x2);
    const int32_t x4_over_4 = ef_rounding_divide_by_pot(x4, 2);
    const int32_t x4_over_24_plus_x3_over_6_plus_x2_over_2 =
        ef_rounding_divide_by_pot(ef_add_wrap(ef_srdhm(ef_add_wrap(x4_over_4, x3), constant_1_over_3), x2), 1);
    return ef_add_wrap(constant_term,
                       ef_srdhm(constant_term, ef_add_wrap(x, x4_over_24_plus_x3_over_6_plus_x2_over_2)));
}

/*
 * gemmlowp exp_on_negative_values: exp(a) for a <= 0 given in fixed point with `integer_bits` integer
 * bits (Q<integer_bits>.<31-integer_bits>); result in Q0.31.
 */
static inline int32_t ef_exp_on_negative_values(int32_t a, int integer_bits)
{
    static const int32_t barrel_multipliers[7] = {
        1672461947, /* exp(-1/4) */
        1302514674, /* exp(-1/2) */
        790015084,  /* exp(-1)   */
        290630308,  /* exp(-2)   */
        39332535,   /* exp(-4)   */
        720401,     /* exp(-8)   */
        242         /* exp(-16)  */
    };
    const int fractional_bits = 31 - integer_bits;
    const int32_t one_quarter = (int32_t)1 << (fractional_bits - 2);
    const int32_t mask = one_quarter - 1;
    const int32_t a_mod_quarter_minus_one_quarter = ef_sub_wrap(a & mask, one_quarter);
    int32_t result = ef_exp_on_interval_between_negative_one_quarter_and_0_excl(
        ef_saturating_rounding_multiply_by_pot(a_mod_quarter_minus_one_quarter, integer_bits));
    const int32_t remainder = ef_sub_wrap(a_mod_quarter_minus_one_quarter, a);

    for (int exponent = -2; exponent <= 4; ++exponent) {
        if (integer_bits > exponent) {
            const int shift_amount = fractional_bits + exponent;
            if ((remainder & ((int32_t)1 << shift_amount)) != 0) {
                result = ef_srdhm(result, barrel_multipliers[exponent + 2]);
            }
        }
    }
    if (integer_bits > 5) {
        const int32_t clamp = -((int32_t)1 << (36 - integer_bits)); /* -32.0 */
        if (a < clamp) {
            result = 0;
        }
    }
    if (a == 0) {
        result = EF_INT32_MAX; /* One() in Q0.31 */
    }
    return result;
}

/* gemmlowp one_over_one_plus_x_for_x_in_0_1 for Q0.31: Newton-Raphson division, 3 iterations. */
static inline int32_t ef_one_over_one_plus_x_for_x_in_0_1(int32_t a)
{
    const int32_t half_denominator = ef_rounding_half_sum(a, EF_INT32_MAX);
    const int32_t constant_48_over_17 = 1515870810;      /* Q2.29 */
    const int32_t constant_neg_32_over_17 = -1010580540; /* Q2.29 */
    const int32_t f2_one = (int32_t)1 << 29;
    int32_t x = ef_add_wrap(constant_48_over_17, ef_srdhm(half_denominator, constant_neg_32_over_17));
    for (int i = 0; i < 3; ++i) {
        const int32_t half_denominator_times_x = ef_srdhm(half_denominator, x);
        const int32_t one_minus_half_denominator_times_x = ef_sub_wrap(f2_one, half_denominator_times_x);
        x = ef_add_wrap(x, ef_saturating_shl(ef_srdhm(x, one_minus_half_denominator_times_x), 2));
    }
    /* ExactMulByPot<-1> then Rescale<0> from 1 integer bit: a saturating left shift by one. */
    return ef_saturating_shl(x, 1);
}

#endif /* EF_FIXEDPOINT_H */
