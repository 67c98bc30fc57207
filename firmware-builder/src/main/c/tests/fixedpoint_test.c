/*
 * The shared fixed-point helpers against hand-computed values (gemmlowp / TFLM semantics):
 * SaturatingRoundingDoublingHighMul rounds ties up (toward +inf: -1.5 -> -1), RoundingDivideByPOT rounds
 * ties away from zero (-1.5 -> -2), MultiplyByQuantizedMultiplier rounds twice.
 */
#include "ef_test.h"
#include "ef_fixedpoint.h"

#define Q30 ((int32_t)1 << 30) /* 0.5 in Q0.31 */

static void test_srdhm(void)
{
    ef_test_begin("fixedpoint", "srdhm");
    ef_test_expect_int("0.5*0.5", (int32_t)1 << 29, ef_srdhm(Q30, Q30));
    ef_test_expect_int("3*0.5 rounds 1.5 up", 2, ef_srdhm(3, Q30));
    ef_test_expect_int("-3*0.5 rounds -1.5 up", -1, ef_srdhm(-3, Q30));
    ef_test_expect_int("-5*0.5 rounds -2.5 up", -2, ef_srdhm(-5, Q30));
    ef_test_expect_int("min*min saturates", EF_INT32_MAX, ef_srdhm(EF_INT32_MIN, EF_INT32_MIN));
    ef_test_expect_int("max*max", 2147483646, ef_srdhm(EF_INT32_MAX, EF_INT32_MAX));
    ef_test_expect_int("min*max", -2147483647, ef_srdhm(EF_INT32_MIN, EF_INT32_MAX));
    ef_test_end();
}

static void test_rounding_divide_by_pot(void)
{
    ef_test_begin("fixedpoint", "rounding_divide_by_pot");
    ef_test_expect_int("5/2", 3, ef_rounding_divide_by_pot(5, 1));
    ef_test_expect_int("-5/2", -3, ef_rounding_divide_by_pot(-5, 1));
    ef_test_expect_int("4/2", 2, ef_rounding_divide_by_pot(4, 1));
    ef_test_expect_int("-4/2", -2, ef_rounding_divide_by_pot(-4, 1));
    ef_test_expect_int("7/4", 2, ef_rounding_divide_by_pot(7, 2));
    ef_test_expect_int("-7/4", -2, ef_rounding_divide_by_pot(-7, 2));
    ef_test_expect_int("6/4", 2, ef_rounding_divide_by_pot(6, 2));
    ef_test_expect_int("-6/4", -2, ef_rounding_divide_by_pot(-6, 2));
    ef_test_expect_int("-5/4", -1, ef_rounding_divide_by_pot(-5, 2));
    ef_test_expect_int("x/1", 123, ef_rounding_divide_by_pot(123, 0));
    ef_test_expect_int("min/2^31", -1, ef_rounding_divide_by_pot(EF_INT32_MIN, 31));
    ef_test_expect_int("max/2^31", 1, ef_rounding_divide_by_pot(EF_INT32_MAX, 31));
    ef_test_end();
}

static void test_multiply_by_quantized_multiplier(void)
{
    ef_test_begin("fixedpoint", "multiply_by_quantized_multiplier");
    /* 0.5 * 2^1 = 1.0: exact identity. */
    ef_test_expect_int("identity", 100, ef_multiply_by_quantized_multiplier(100, Q30, 1));
    ef_test_expect_int("identity negative", -77, ef_multiply_by_quantized_multiplier(-77, Q30, 1));
    /* x0.5: -1.5 -> -1 (the high-mul rounds the tie up, the shift by 0 keeps it). */
    ef_test_expect_int("-3*0.5", -1, ef_multiply_by_quantized_multiplier(-3, Q30, 0));
    ef_test_expect_int("3*0.5", 2, ef_multiply_by_quantized_multiplier(3, Q30, 0));
    /* x0.25: -6 -> high-mul -3 (exact) -> -1.5 rounds away from zero -> -2. */
    ef_test_expect_int("-6*0.25", -2, ef_multiply_by_quantized_multiplier(-6, Q30, -1));
    /* Double rounding: -9 * 0.25 = -2.25; high-mul -4.5 -> -4, then -4/2 = -2. */
    ef_test_expect_int("-9*0.25", -2, ef_multiply_by_quantized_multiplier(-9, Q30, -1));
    /* Double rounding, not single: 1 * 0.25 -> high-mul 0.5 -> 1 -> 1/2 -> 1 (once: 0); 3 * 0.125 -> 1. */
    ef_test_expect_int("1*0.25", 1, ef_multiply_by_quantized_multiplier(1, Q30, -1));
    ef_test_expect_int("3*0.125", 1, ef_multiply_by_quantized_multiplier(3, Q30, -2));
    /* 1518500250 / 2^31 = 0.70710678: 1000 * 0.7071 = 707.1 -> 707. */
    ef_test_expect_int("1000*sqrt(0.5)", 707, ef_multiply_by_quantized_multiplier(1000, 1518500250, 0));
    /* Left shift: 3 * 0.5 * 2^3 = 12. */
    ef_test_expect_int("left shift", 12, ef_multiply_by_quantized_multiplier(3, Q30, 3));
    ef_test_end();
}

static void test_saturating_shift(void)
{
    ef_test_begin("fixedpoint", "saturating_rounding_multiply_by_pot");
    ef_test_expect_int("small", 40, ef_saturating_rounding_multiply_by_pot(5, 3));
    ef_test_expect_int("positive saturates", EF_INT32_MAX, ef_saturating_rounding_multiply_by_pot(1 << 28, 3));
    ef_test_expect_int("negative saturates", EF_INT32_MIN, ef_saturating_rounding_multiply_by_pot(-(1 << 28) - 1, 3));
    ef_test_expect_int("right", -2, ef_saturating_rounding_multiply_by_pot(-6, -2));
    ef_test_expect_int("half sum up", 2, ef_rounding_half_sum(1, 2));
    ef_test_expect_int("half sum away", -2, ef_rounding_half_sum(-1, -2));
    ef_test_expect_int("clz 0", 32, ef_count_leading_zeros(0u));
    ef_test_expect_int("clz 1", 31, ef_count_leading_zeros(1u));
    ef_test_expect_int("clz top", 0, ef_count_leading_zeros(0x80000000u));
    ef_test_end();
}

static int32_t abs_diff(int32_t a, int32_t b)
{
    return a > b ? a - b : b - a;
}

static void test_exp_and_reciprocal(void)
{
    ef_test_begin("fixedpoint", "exp_on_negative_values_and_reciprocal");
    /* exp(0) = One, exactly. */
    ef_test_expect_int("exp(0)", EF_INT32_MAX, ef_exp_on_negative_values(0, 5));
    /* exp(-1) * 2^31 = 790015084.35 and exp(-1/4) * 2^31 = 1672461946.7 (Q5.26 inputs: 1.0 = 2^26); the
     * polynomial and barrel shifter are accurate to a few parts in 10^7. */
    ef_test_expect_int("exp(-1) close", 1, abs_diff(ef_exp_on_negative_values(-(1 << 26), 5), 790015084) < 1000);
    ef_test_expect_int("exp(-1/4) close", 1, abs_diff(ef_exp_on_negative_values(-(1 << 24), 5), 1672461947) < 1000);
    /* exp(-8) * 2^31 = 720401.8, exp(-31.9) ~ 0. */
    ef_test_expect_int("exp(-8) close", 1, abs_diff(ef_exp_on_negative_values(-(8 << 26), 5), 720402) < 10);
    ef_test_expect_int("exp(-31.9) tiny", 1, ef_exp_on_negative_values(-(int32_t)(31.9 * (1 << 26)), 5) < 10);
    /* Exact bits (gemmlowp's polynomial and barrel-shifter constants; cross-checked with an independent
     * implementation of the same fixed-point algorithm): exp(-1), exp(-1/4), exp(-3/2), exp(-16). */
    ef_test_expect_int("exp(-1) exact", 790015308, ef_exp_on_negative_values(-(1 << 26), 5));
    ef_test_expect_int("exp(-1/4) exact", 1672462419, ef_exp_on_negative_values(-(1 << 24), 5));
    ef_test_expect_int("exp(-3/2) exact", 479168506, ef_exp_on_negative_values(-(3 << 25), 5));
    ef_test_expect_int("exp(-16) exact", 242, ef_exp_on_negative_values(-(1 << 30), 5));
    /* Inputs that use every barrel-shifter step: -7.75 (4+2+1+1/2+1/4), -5.5 (4+1+1/2), -15.78125. */
    ef_test_expect_int("exp(-7.75) exact", 925013, ef_exp_on_negative_values(-(31 << 24), 5));
    ef_test_expect_int("exp(-5.5) exact", 8776277, ef_exp_on_negative_values(-(11 << 25), 5));
    ef_test_expect_int("exp(-15.78) exact", 274, ef_exp_on_negative_values(-(63 << 24) - (1 << 23), 5));
    ef_test_expect_int("1/(1+0.5) exact", 1431655762, ef_one_over_one_plus_x_for_x_in_0_1(Q30));
    /* 1/(1+x): x = 0 -> ~1.0; x = 0.5 -> 2/3 * 2^31 = 1431655765.3. */
    ef_test_expect_int("1/(1+0) close", 1, abs_diff(ef_one_over_one_plus_x_for_x_in_0_1(0), EF_INT32_MAX) < 1000);
    ef_test_expect_int("1/(1+0.5) close", 1, abs_diff(ef_one_over_one_plus_x_for_x_in_0_1(Q30), 1431655765) < 1000);
    ef_test_end();
}

void ef_suite_fixedpoint(void)
{
    test_srdhm();
    test_rounding_divide_by_pot();
    test_multiply_by_quantized_multiplier();
    test_saturating_shift();
    test_exp_and_reciprocal();
}
