/*
 * SOFTMAX int8 -> int8 (output scale 1/256, zero point -128). Input scale 1/16 with beta 1 gives, by
 * TFLite's PreprocessSoftmaxScaling, input_multiplier 2^30, input_left_shift 23 (a difference d becomes
 * d/16 in Q5.26) and diff_min -floor(31 * 2^26 / 2^23) = -248.
 */
#include "ef_test.h"
#include "softmax.h"

static ef_softmax_params params(int32_t outer_size, int32_t depth)
{
    ef_softmax_params p;
    p.outer_size = outer_size;
    p.depth = depth;
    p.input_multiplier = (int32_t)1 << 30;
    p.input_left_shift = 23;
    p.diff_min = -248;
    return p;
}

/* Four equal values: 1/4 * 256 = 64 -> -128 + 64. The sum of exps is exactly 4.0, so the reciprocal and
 * the final shift are exact. */
static void test_uniform(void)
{
    ef_test_begin("softmax", "uniform_row");
    static const int8_t input[4] = {7, 7, 7, 7};
    static const int8_t expected[4] = {-64, -64, -64, -64};
    int8_t output[4];
    ef_softmax_params p = params(1, 4);
    ef_test_expect_int("status", EF_OK, ef_softmax_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* A difference of -255 is below diff_min: exactly -128 and no contribution to the sum; the maximum
 * then gets probability 1.0 = 256/256, which saturates to 127. */
static void test_dominant(void)
{
    ef_test_begin("softmax", "dominant_and_below_diff_min");
    static const int8_t input[2] = {127, -128};
    static const int8_t expected[2] = {127, -128};
    int8_t output[2];
    ef_softmax_params p = params(1, 2);
    ef_test_expect_int("status", EF_OK, ef_softmax_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 2);
    ef_test_end();
}

/* Rows are independent and only differences matter. Real inputs 0 and -1: softmax 0.7311, 0.2689,
 * times 256 = 187.2, 68.8 -> 59, -59. */
static void test_two_rows(void)
{
    ef_test_begin("softmax", "two_rows_one_unit_apart");
    static const int8_t input[4] = {0, -16, 84, 100};
    static const int8_t expected[4] = {59, -59, -59, 59};
    int8_t output[4];
    ef_softmax_params p = params(2, 2);
    ef_test_expect_int("status", EF_OK, ef_softmax_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* Real inputs 0, -0.5, -1, -2, -3: float softmax * 256 - 128 = -9.46 -56.10 -84.39 -111.96 -122.10;
 * the fixed-point result (cross-checked with an independent implementation of the gemmlowp math)
 * rounds -111.96 to -112 and the others to the nearest integer. */
static void test_five_values(void)
{
    ef_test_begin("softmax", "five_values");
    static const int8_t input[5] = {0, -8, -16, -32, -48};
    static const int8_t expected[5] = {-9, -56, -84, -112, -122};
    int8_t output[5];
    ef_softmax_params p = params(1, 5);
    ef_test_expect_int("status", EF_OK, ef_softmax_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 5);
    ef_test_end();
}

/* diff_min is inclusive: with diff_min -16 a difference of exactly -16 still counts (59, -59) while
 * -17 is dropped (the maximum then takes everything: 127, -128). */
static void test_diff_min_inclusive(void)
{
    ef_test_begin("softmax", "diff_min_is_inclusive");
    static const int8_t input[4] = {0, -16, 0, -17};
    static const int8_t expected[4] = {59, -59, 127, -128};
    int8_t output[4];
    ef_softmax_params p = params(2, 2);
    p.diff_min = -16;
    ef_test_expect_int("status", EF_OK, ef_softmax_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

void ef_suite_softmax(void)
{
    test_uniform();
    test_dominant();
    test_two_rows();
    test_five_values();
    test_diff_min_inclusive();
}
