/*
 * ADD with TFLM's int8 parameters (left shift 20). For equal input and output scales TFLite computes
 * input multipliers 0.5 (Q30, shift 0) and output multiplier 2^-19 (Q30, shift -18), so the result is
 * exactly a + b. With input 1 at twice the scale of input 2 and the output at input 1's scale, the
 * input-2 multiplier is 0.25 (Q30, -1) and the result is a + b/2 rounded half away from zero.
 */
#include "ef_test.h"
#include "add.h"
#include "ef_fixedpoint.h"

#define Q30 ((int32_t)1 << 30)

static ef_add_params same_scale_params(void)
{
    ef_add_params p = {0};
    p.left_shift = 20;
    p.input1_multiplier = Q30;
    p.input1_shift = 0;
    p.input2_multiplier = Q30;
    p.input2_shift = 0;
    p.output_multiplier = Q30;
    p.output_shift = -18;
    p.activation_min = -128;
    p.activation_max = 127;
    return p;
}

/* Zero points 1, -2 and 3: real a = 4 -6 99 -101, b = 3 -1 102 -98, sums 7 -7 201 -199 (+3, saturated).
 * With a ReLU at zero point 3 the clamp is [3, 127]. */
static void test_same_scale_offsets(void)
{
    ef_test_begin("add", "same_scale_offsets_saturation_relu");
    static const int8_t x[4] = {5, -5, 100, -100};
    static const int8_t y[4] = {1, -3, 100, -100};
    static const int8_t expected[4] = {10, -4, 127, -128};
    static const int8_t expected_relu[4] = {10, 3, 127, 3};
    int8_t output[4];
    ef_add_params p = same_scale_params();
    p.input1_offset = -1;
    p.input2_offset = 2;
    p.output_offset = 3;
    ef_test_expect_int("status", EF_OK, ef_add_s8(&p, 4, x, y, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    p.activation_min = 3;
    ef_test_expect_int("status", EF_OK, ef_add_s8(&p, 4, x, y, output));
    ef_test_expect_i8_array("relu", expected_relu, output, 4);
    ef_test_end();
}

/* a + b/2: 0+0.5 -> 1, 0-0.5 -> -1, 1-1.5 -> -1, 2+1.5 -> 4, -2-1.5 -> -4. */
static void test_half_scale_rounding(void)
{
    ef_test_begin("add", "different_scales_rounding");
    static const int8_t x[5] = {0, 0, 1, 2, -2};
    static const int8_t y[5] = {1, -1, -3, 3, -3};
    static const int8_t expected[5] = {1, -1, -1, 4, -4};
    int8_t output[5];
    ef_add_params p = same_scale_params();
    p.input2_shift = -1;
    ef_test_expect_int("status", EF_OK, ef_add_s8(&p, 5, x, y, output));
    ef_test_expect_i8_array("output", expected, output, 5);
    ef_test_end();
}

/* [1,2,2,2] + [1,1,1,2] (a per-channel vector) and a scalar + [3]. */
static void test_broadcast(void)
{
    ef_test_begin("add", "broadcast");
    static const int8_t x[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    static const int8_t y[2] = {10, -10};
    static const int8_t expected[8] = {11, -8, 13, -6, 15, -4, 17, -2};
    static const ef_add_broadcast channel_vector = {{1, 1, 1, 2, 2, 2}, {8, 8, 8, 4, 2, 1}, {0, 0, 0, 0, 0, 1}};
    static const int8_t scalar[1] = {5};
    static const int8_t row[3] = {1, 2, 3};
    static const int8_t expected_scalar[3] = {6, 7, 8};
    static const ef_add_broadcast scalar_first = {{1, 1, 1, 1, 1, 3}, {0, 0, 0, 0, 0, 0}, {3, 3, 3, 3, 3, 1}};
    int8_t output[8];
    ef_add_params p = same_scale_params();
    ef_test_expect_int("status", EF_OK, ef_add_broadcast_s8(&p, &channel_vector, x, y, output));
    ef_test_expect_i8_array("channel vector", expected, output, 8);
    ef_test_expect_int("status", EF_OK, ef_add_broadcast_s8(&p, &scalar_first, scalar, row, output));
    ef_test_expect_i8_array("scalar", expected_scalar, output, 3);
    ef_test_end();
}

/* TFLM's reference_integer_ops::Add for one element, written out with the fixed-point helpers. */
static int8_t oracle(const ef_add_params *p, int8_t x, int8_t y)
{
    const int32_t a = ef_multiply_by_quantized_multiplier_smaller_than_one(
        ef_shl_wrap(p->input1_offset + x, (int)p->left_shift), p->input1_multiplier, p->input1_shift);
    const int32_t b = ef_multiply_by_quantized_multiplier_smaller_than_one(
        ef_shl_wrap(p->input2_offset + y, (int)p->left_shift), p->input2_multiplier, p->input2_shift);
    const int32_t raw =
        ef_multiply_by_quantized_multiplier_smaller_than_one(a + b, p->output_multiplier, p->output_shift)
        + p->output_offset;
    return (int8_t)ef_min_i32(p->activation_max, ef_max_i32(p->activation_min, raw));
}

/* Random scales as TFLite derives them (input multipliers at most 0.5, the output one about 2^-19 times the ratio of
 * scales), every pair of int8 values, both signs of ties; and params beyond the optimized kernel's proof (left
 * shift 24, an input multiplier of 1) that must still give the reference result. */
static void test_sweep(void)
{
    static int8_t x[256 * 4];
    static int8_t y[256 * 4];
    static int8_t expected[256 * 4];
    static int8_t output[256 * 4];
    uint32_t seed = 0xADD5EEDu;
    ef_test_begin("add", "sweep_matches_oracle");
    for (int32_t round = 0; round < 12; ++round) {
        ef_add_params p = same_scale_params();
        p.input1_offset = (int32_t)(ef_test_random(&seed) % 256u) - 127;
        p.input2_offset = (int32_t)(ef_test_random(&seed) % 256u) - 127;
        p.output_offset = (int32_t)(ef_test_random(&seed) % 256u) - 128;
        p.input1_multiplier = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
        p.input2_multiplier = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
        p.input1_shift = -1 - (int32_t)(ef_test_random(&seed) % 3u);
        p.input2_shift = round % 3 == 0 ? 0 : -1 - (int32_t)(ef_test_random(&seed) % 3u);
        if (round % 3 == 0) {
            p.input2_multiplier = 1 << 30; /* 0.5 with no shift, as TFLite gives the larger-scale input */
        }
        p.output_multiplier = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
        p.output_shift = -15 - (int32_t)(ef_test_random(&seed) % 6u);
        p.activation_min = round % 4 == 1 ? p.output_offset : -128;
        p.activation_max = round % 4 == 2 ? 100 : 127;
        if (round == 10) {
            p.left_shift = 24;
        }
        if (round == 11) {
            p.input1_multiplier = EF_INT32_MAX;
            p.input1_shift = 0;
        }
        const int32_t n = EF_ARRAY_LEN(x);
        for (int32_t i = 0; i < n; ++i) {
            x[i] = (int8_t)(i % 256 - 128);
            y[i] = (int8_t)((int32_t)(ef_test_random(&seed) % 256u) - 128);
            expected[i] = oracle(&p, x[i], y[i]);
        }
        ef_test_expect_int("status", EF_OK, ef_add_s8(&p, n, x, y, output));
        ef_test_expect_i8_array("output", expected, output, n);
        /* In place over the first input. */
        ef_test_expect_int("status in place", EF_OK, ef_add_s8(&p, n, x, y, x));
        ef_test_expect_i8_array("in place", expected, x, n);
    }
    ef_test_end();
}

void ef_suite_add(void)
{
    test_same_scale_offsets();
    test_half_scale_rounding();
    test_broadcast();
    test_sweep();
}
