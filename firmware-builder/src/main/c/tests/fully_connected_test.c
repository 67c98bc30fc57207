/* FULLY_CONNECTED: hand-computed cases, then a sweep against a naive in-test oracle. */
#include "ef_test.h"
#include "fully_connected.h"
#include "ef_fixedpoint.h"

#define Q30 ((int32_t)1 << 30)

static const int32_t identity_multiplier[4] = {Q30, Q30, Q30, Q30};
static const int32_t identity_shift[4] = {1, 1, 1, 1};

static ef_fully_connected_params base_params(int32_t batches, int32_t accum_depth, int32_t output_depth)
{
    ef_fully_connected_params p = {0};
    p.batches = batches;
    p.accum_depth = accum_depth;
    p.output_depth = output_depth;
    p.activation_min = -128;
    p.activation_max = 127;
    p.output_multiplier = identity_multiplier;
    p.output_shift = identity_shift;
    return p;
}

/* Input zero point 1: real rows (1 2 3) and (-1 -2 0). Weights (1 1 1) and (2 -1 0).
 * Dot products 6, 0 and -3, 0; bias 10, -5; output zero point 3. */
static void test_batches_bias_offsets(void)
{
    ef_test_begin("fully_connected", "two_batches_bias_offsets");
    static const int8_t input[6] = {2, 3, 4, 0, -1, 1};
    static const int8_t weights[6] = {1, 1, 1, 2, -1, 0};
    static const int32_t bias[2] = {10, -5};
    static const int8_t expected[4] = {19, -2, 10, -2};
    int8_t output[4];
    ef_fully_connected_params p = base_params(2, 3, 2);
    p.input_offset = -1;
    p.output_offset = 3;
    ef_test_expect_int("status", EF_OK, ef_fully_connected_s8(&p, input, weights, bias, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* Dot products 400, -400 (saturate to 127, -128), 100 and -100 scaled by 1/16 (Q30, -3):
 * 6.25 -> 6 and -6.25 -> -6 (high-mul -50 exact, then -50/8 = -6.25 rounds to -6). */
static void test_rounding_and_saturation(void)
{
    ef_test_begin("fully_connected", "negative_rounding_and_saturation");
    static const int8_t input[4] = {100, 100, 100, 100};
    static const int8_t weights[16] = {1, 1, 1, 1, -1, -1, -1, -1, 1, 1, 1, -2, -1, -1, -1, 2};
    static const int32_t multiplier[4] = {Q30, Q30, Q30, Q30};
    static const int32_t shift[4] = {1, 1, -3, -3};
    static const int8_t expected[4] = {127, -128, 6, -6};
    int8_t output[4];
    ef_fully_connected_params p = base_params(1, 4, 4);
    p.output_multiplier = multiplier;
    p.output_shift = shift;
    ef_test_expect_int("status", EF_OK, ef_fully_connected_s8(&p, input, weights, 0, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* Per-tensor quantized weights with zero point 1 (weights_offset -1): stored 2 2 2 are real 1 1 1.
 * ReLU6 clamp [0, 6] at scale 1 cuts 1+2+3+4 = 10 to 6. */
static void test_weights_offset_relu6(void)
{
    ef_test_begin("fully_connected", "weights_offset_relu6");
    static const int8_t input[4] = {1, 2, 3, 4};
    static const int8_t weights[8] = {2, 2, 2, 2, 1, 1, 0, 1};
    static const int8_t expected[2] = {6, 0};
    int8_t output[2];
    ef_fully_connected_params p = base_params(1, 4, 2);
    p.weights_offset = -1;
    p.activation_min = 0;
    p.activation_max = 6;
    ef_test_expect_int("status", EF_OK, ef_fully_connected_s8(&p, input, weights, 0, output));
    ef_test_expect_i8_array("output", expected, output, 2);
    ef_test_end();
}

/* TFLM rounds twice: 1 * 0.25 is 0.5 after the high-mul (rounded to 1), then 1/2 -> 1; 3 * 0.125 is
 * 1.5 -> 2, then 2/4 -> 1. Rounding once would give 0 and 0. */
static void test_double_rounding(void)
{
    ef_test_begin("fully_connected", "double_rounding");
    static const int8_t input[1] = {1};
    static const int8_t weights[2] = {1, 3};
    static const int32_t multiplier[2] = {Q30, Q30};
    static const int32_t shift[2] = {-1, -2};
    static const int8_t expected[2] = {1, 1};
    int8_t output[2];
    ef_fully_connected_params p = base_params(1, 1, 2);
    p.output_multiplier = multiplier;
    p.output_shift = shift;
    ef_test_expect_int("status", EF_OK, ef_fully_connected_s8(&p, input, weights, 0, output));
    ef_test_expect_i8_array("output", expected, output, 2);
    ef_test_end();
}

/* Seven inputs (a word and a tail of three) and three outputs (a pair and a single row):
 * 1+..+7 = 28; 1-2+3-4+5-6+7 = 4; 2*7 = 14. */
static void test_odd_depths(void)
{
    ef_test_begin("fully_connected", "odd_depths");
    static const int8_t input[7] = {1, 2, 3, 4, 5, 6, 7};
    static const int8_t weights[21] = {1, 1, 1, 1, 1, 1, 1, 1, -1, 1, -1, 1, -1, 1, 0, 0, 0, 0, 0, 0, 2};
    static const int8_t expected[3] = {28, 4, 14};
    int8_t output[3];
    ef_fully_connected_params p = base_params(1, 7, 3);
    ef_test_expect_int("status", EF_OK, ef_fully_connected_s8(&p, input, weights, 0, output));
    ef_test_expect_i8_array("output", expected, output, 3);
    ef_test_end();
}

static void oracle(const ef_fully_connected_params *p, const int8_t *input, const int8_t *weights, const int32_t *bias,
                   int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t o = 0; o < p->output_depth; ++o) {
            int32_t acc = bias[o];
            for (int32_t d = 0; d < p->accum_depth; ++d) {
                acc += ((int32_t)weights[o * p->accum_depth + d] + p->weights_offset)
                       * ((int32_t)input[b * p->accum_depth + d] + p->input_offset);
            }
            acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[o], p->output_shift[o]);
            output[b * p->output_depth + o] =
                (int8_t)ef_clamp_i32(acc + p->output_offset, p->activation_min, p->activation_max);
        }
}

static void test_sweep(void)
{
    /* {batches, accum depth, output depth, weights offset used} */
    static const int32_t shapes[][4] = {
        {1, 1, 1, 0},   {1, 3, 5, 0},   {2, 4, 4, 0},   {1, 5, 2, 1},   {3, 16, 7, 0},
        {1, 33, 10, 1}, {1, 64, 12, 0}, {2, 250, 3, 0}, {1, 640, 9, 0}, {4, 17, 1, 1},
    };
    static int8_t input[1400];
    static int8_t weights[6000];
    static int8_t expected[64];
    static int8_t output[64];
    int32_t bias[16];
    int32_t multiplier[16];
    int32_t shift[16];
    uint32_t seed = 0x6C8E9CF5u;

    ef_test_begin("fully_connected", "sweep_matches_oracle");
    for (int32_t s = 0; s < EF_ARRAY_LEN(shapes); ++s) {
        ef_fully_connected_params p = base_params(shapes[s][0], shapes[s][1], shapes[s][2]);
        p.input_offset = (int32_t)(ef_test_random(&seed) % 256u) - 127;
        p.weights_offset = shapes[s][3] ? (int32_t)(ef_test_random(&seed) % 256u) - 127 : 0;
        p.output_offset = (int32_t)(ef_test_random(&seed) % 41u) - 20;
        p.activation_min = -128 + (int32_t)(ef_test_random(&seed) % 20u);
        p.activation_max = 127 - (int32_t)(ef_test_random(&seed) % 20u);
        for (int32_t c = 0; c < p.output_depth; ++c) {
            bias[c] = (int32_t)(ef_test_random(&seed) % 20001u) - 10000;
            multiplier[c] = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
            shift[c] = -(int32_t)(ef_test_random(&seed) % 10u) - 6;
        }
        p.output_multiplier = multiplier;
        p.output_shift = shift;
        ef_test_fill_random_i8(input, p.batches * p.accum_depth, &seed);
        ef_test_fill_random_i8(weights, p.output_depth * p.accum_depth, &seed);
        oracle(&p, input, weights, bias, expected);
        ef_test_expect_int("status", EF_OK, ef_fully_connected_s8(&p, input, weights, bias, output));
        ef_test_expect_i8_array("output", expected, output, p.batches * p.output_depth);
    }
    ef_test_end();
}

void ef_suite_fully_connected(void)
{
    test_batches_bias_offsets();
    test_rounding_and_saturation();
    test_weights_offset_relu6();
    test_double_rounding();
    test_odd_depths();
    test_sweep();
}
