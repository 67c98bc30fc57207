/* CONV_2D: hand-computed cases, then a sweep over shapes against a naive in-test oracle (which matters
 * for the optimized variants, whose loop structure differs from the reference). */
#include "ef_test.h"
#include "conv2d.h"
#include "ef_fixedpoint.h"

#define Q30 ((int32_t)1 << 30)

static const int32_t identity_multiplier[4] = {Q30, Q30, Q30, Q30};
static const int32_t identity_shift[4] = {1, 1, 1, 1};

static ef_conv2d_params base_params(void)
{
    ef_conv2d_params p = {0};
    p.batches = 1;
    p.stride_height = 1;
    p.stride_width = 1;
    p.dilation_height = 1;
    p.dilation_width = 1;
    p.activation_min = -128;
    p.activation_max = 127;
    p.output_multiplier = identity_multiplier;
    p.output_shift = identity_shift;
    return p;
}

/* 3x3 image, two 2x2 filters (diagonal sum, negated box sum), VALID, two batches (second = -first). */
static void test_valid_two_batches(void)
{
    ef_test_begin("conv2d", "valid_stride1_two_batches_bias");
    static const int8_t input[18] = {1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -2, -3, -4, -5, -6, -7, -8, -9};
    static const int8_t filter[8] = {1, 0, 0, 1, -1, -1, -1, -1};
    static const int32_t bias[2] = {1, -1};
    /* batch 0: diag sums 6 8 12 14 (+1), box sums -12 -16 -24 -28 (-1); batch 1 negated before bias. */
    static const int8_t expected[16] = {7, -13, 9, -17, 13, -25, 15, -29, -5, 11, -7, 15, -11, 23, -13, 27};
    int8_t output[16];
    ef_conv2d_params p = base_params();
    p.batches = 2;
    p.input_height = 3;
    p.input_width = 3;
    p.input_depth = 1;
    p.filter_height = 2;
    p.filter_width = 2;
    p.filter_depth = 1;
    p.output_height = 2;
    p.output_width = 2;
    p.output_depth = 2;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, bias, output));
    ef_test_expect_i8_array("output", expected, output, 16);
    ef_test_end();
}

/* SAME padding skips padded taps: they must not contribute -input_offset * weight. Input zero point 3,
 * real image 1..9; 3x3 box filter; output zero point -10. Window sums of the real image:
 * 12 21 16 / 27 45 33 / 24 39 28. */
static void test_same_padding_with_input_offset(void)
{
    ef_test_begin("conv2d", "same_padding_skips_padded_taps");
    static const int8_t input[9] = {4, 5, 6, 7, 8, 9, 10, 11, 12};
    static const int8_t filter[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    static const int8_t expected[9] = {2, 11, 6, 17, 35, 23, 14, 29, 18};
    int8_t output[9];
    ef_conv2d_params p = base_params();
    p.input_height = 3;
    p.input_width = 3;
    p.input_depth = 1;
    p.filter_height = 3;
    p.filter_width = 3;
    p.filter_depth = 1;
    p.output_height = 3;
    p.output_width = 3;
    p.output_depth = 1;
    p.pad_height = 1;
    p.pad_width = 1;
    p.input_offset = -3;
    p.output_offset = -10;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, 0, output));
    ef_test_expect_i8_array("output", expected, output, 9);
    ef_test_end();
}

/* Stride 2 along a 1x5x2 row, 1x3 filters, per-channel multipliers with negative rounding.
 * Accumulators: channel 0: -9, -7; channel 1: 4, 7.
 * Channel 0 x0.5 (Q30, 0): -4.5 -> -4, -3.5 -> -3 (high-mul rounds ties up). Channel 1 x0.25 (Q30, -1):
 * 1.0 -> 1, 1.75 -> 2. Output zero point 5. */
static void test_stride2_per_channel_rounding(void)
{
    ef_test_begin("conv2d", "stride2_per_channel_negative_rounding");
    static const int8_t input[10] = {1, -1, 2, 3, -4, 5, 6, 0, -7, 2};
    static const int8_t filter[12] = {1, 1, 1, -1, 2, 0, /* channel 1: */ -3, 0, 0, 2, 1, 1};
    static const int32_t multiplier[2] = {Q30, Q30};
    static const int32_t shift[2] = {0, -1};
    static const int8_t expected[4] = {1, 6, 2, 7};
    int8_t output[4];
    ef_conv2d_params p = base_params();
    p.input_height = 1;
    p.input_width = 5;
    p.input_depth = 2;
    p.filter_height = 1;
    p.filter_width = 3;
    p.filter_depth = 2;
    p.output_height = 1;
    p.output_width = 2;
    p.output_depth = 2;
    p.stride_width = 2;
    p.output_offset = 5;
    p.output_multiplier = multiplier;
    p.output_shift = shift;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, 0, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* One pixel, four 1x1 filters: accumulators 200, -200, -100, 0 (+bias 3 on the last).
 * Without activation they saturate to 127/-128; with ReLU6 at output scale 0.05 and zero point -128
 * the clamp is [-128, -8]. */
static void test_relu6_and_saturation(void)
{
    ef_test_begin("conv2d", "relu6_clamp_and_saturation");
    static const int8_t input[3] = {100, 100, -100};
    static const int8_t filter[12] = {1, 1, 0, -1, -1, 0, 0, 0, 1, 0, 0, 0};
    static const int32_t bias[4] = {0, 0, 0, 3};
    static const int8_t expected_plain[4] = {127, -128, -100, 3};
    static const int8_t expected_relu6[4] = {-8, -128, -128, -125};
    int8_t output[4];
    ef_conv2d_params p = base_params();
    p.input_height = 1;
    p.input_width = 1;
    p.input_depth = 3;
    p.filter_height = 1;
    p.filter_width = 1;
    p.filter_depth = 3;
    p.output_height = 1;
    p.output_width = 1;
    p.output_depth = 4;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, bias, output));
    ef_test_expect_i8_array("saturated", expected_plain, output, 4);
    p.output_offset = -128;
    p.activation_min = -128;
    p.activation_max = -8;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, bias, output));
    ef_test_expect_i8_array("relu6", expected_relu6, output, 4);
    ef_test_end();
}

/* Dilation 2: a 2x2 filter of ones samples the corners of a 3x3 neighbourhood. With SAME padding 1 on
 * the 1..9 image: 5 10 5 / 10 20 10 / 5 10 5. */
static void test_dilation(void)
{
    ef_test_begin("conv2d", "dilation2_same_padding");
    static const int8_t input[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    static const int8_t filter[4] = {1, 1, 1, 1};
    static const int8_t expected[9] = {5, 10, 5, 10, 20, 10, 5, 10, 5};
    int8_t output[9];
    ef_conv2d_params p = base_params();
    p.input_height = 3;
    p.input_width = 3;
    p.input_depth = 1;
    p.filter_height = 2;
    p.filter_width = 2;
    p.filter_depth = 1;
    p.output_height = 3;
    p.output_width = 3;
    p.output_depth = 1;
    p.dilation_height = 2;
    p.dilation_width = 2;
    p.pad_height = 1;
    p.pad_width = 1;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, 0, output));
    ef_test_expect_i8_array("output", expected, output, 9);
    ef_test_end();
}

/* Two groups: output channel 0 sees input channels 0-1, channel 1 sees 2-3. 1 + 2*10 = 21, 3 + 4*10 = 43. */
static void test_groups(void)
{
    ef_test_begin("conv2d", "grouped");
    static const int8_t input[4] = {1, 2, 3, 4};
    static const int8_t filter[4] = {1, 10, 1, 10};
    static const int8_t expected[2] = {21, 43};
    int8_t output[2];
    ef_conv2d_params p = base_params();
    p.input_height = 1;
    p.input_width = 1;
    p.input_depth = 4;
    p.filter_height = 1;
    p.filter_width = 1;
    p.filter_depth = 2;
    p.output_height = 1;
    p.output_width = 1;
    p.output_depth = 2;
    ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, 0, output));
    ef_test_expect_i8_array("output", expected, output, 2);
    ef_test_end();
}

/* The oracle: TFLM's ConvPerChannel written out naively, independent of the kernel under test. */
static void oracle(const ef_conv2d_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                   int8_t *output)
{
    const int32_t groups = p->input_depth / p->filter_depth;
    const int32_t per_group = p->output_depth / groups;
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t oy = 0; oy < p->output_height; ++oy)
            for (int32_t ox = 0; ox < p->output_width; ++ox)
                for (int32_t oc = 0; oc < p->output_depth; ++oc) {
                    int32_t acc = 0;
                    for (int32_t fy = 0; fy < p->filter_height; ++fy)
                        for (int32_t fx = 0; fx < p->filter_width; ++fx)
                            for (int32_t ic = 0; ic < p->filter_depth; ++ic) {
                                const int32_t y = oy * p->stride_height - p->pad_height + fy * p->dilation_height;
                                const int32_t x = ox * p->stride_width - p->pad_width + fx * p->dilation_width;
                                if (y < 0 || y >= p->input_height || x < 0 || x >= p->input_width) {
                                    continue;
                                }
                                const int32_t in =
                                    input[((b * p->input_height + y) * p->input_width + x) * p->input_depth
                                          + (oc / per_group) * p->filter_depth + ic];
                                const int32_t w =
                                    filter[((oc * p->filter_height + fy) * p->filter_width + fx) * p->filter_depth
                                           + ic];
                                acc += w * (in + p->input_offset);
                            }
                    acc += bias[oc];
                    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[oc], p->output_shift[oc]);
                    acc = ef_clamp_i32(acc + p->output_offset, p->activation_min, p->activation_max);
                    output[((b * p->output_height + oy) * p->output_width + ox) * p->output_depth + oc] = (int8_t)acc;
                }
}

#define SWEEP_MAX_INPUT 1024
#define SWEEP_MAX_FILTER 1200
#define SWEEP_MAX_OUTPUT 700
#define SWEEP_MAX_CHANNELS 16

static void test_sweep(void)
{
    /* {input h, w, depth, filter h, w, groups, output depth, stride, dilation, pad} */
    static const int32_t shapes[][10] = {
        {5, 5, 1, 3, 3, 1, 4, 1, 1, 1},  {6, 6, 3, 3, 3, 1, 5, 2, 1, 1},  {4, 7, 4, 1, 1, 1, 8, 1, 1, 0},
        {5, 6, 8, 3, 2, 1, 3, 1, 1, 0},  {7, 7, 5, 3, 3, 1, 7, 2, 2, 2},  {6, 5, 16, 1, 1, 1, 16, 1, 1, 0},
        {5, 5, 6, 3, 3, 2, 4, 1, 1, 1},  {6, 6, 8, 2, 2, 4, 8, 2, 1, 0},  {9, 4, 2, 4, 3, 1, 9, 3, 1, 1},
        {3, 10, 7, 1, 4, 1, 2, 1, 2, 3}, {8, 8, 12, 3, 3, 1, 6, 2, 1, 1}, {4, 4, 9, 2, 2, 3, 3, 1, 1, 0},
    };
    static int8_t input[SWEEP_MAX_INPUT];
    static int8_t filter[SWEEP_MAX_FILTER];
    static int8_t expected[SWEEP_MAX_OUTPUT];
    static int8_t output[SWEEP_MAX_OUTPUT];
    int32_t bias[SWEEP_MAX_CHANNELS];
    int32_t multiplier[SWEEP_MAX_CHANNELS];
    int32_t shift[SWEEP_MAX_CHANNELS];
    uint32_t seed = 0x9E3779B9u;

    ef_test_begin("conv2d", "sweep_matches_oracle");
    for (int32_t s = 0; s < EF_ARRAY_LEN(shapes); ++s) {
        const int32_t *sh = shapes[s];
        ef_conv2d_params p = base_params();
        p.input_height = sh[0];
        p.input_width = sh[1];
        p.input_depth = sh[2];
        p.filter_height = sh[3];
        p.filter_width = sh[4];
        p.filter_depth = sh[2] / sh[5];
        p.output_depth = sh[6];
        p.stride_height = p.stride_width = sh[7];
        p.dilation_height = p.dilation_width = sh[8];
        p.pad_height = p.pad_width = sh[9];
        p.output_height =
            (p.input_height + 2 * p.pad_height - (p.filter_height - 1) * p.dilation_height - 1) / p.stride_height + 1;
        p.output_width =
            (p.input_width + 2 * p.pad_width - (p.filter_width - 1) * p.dilation_width - 1) / p.stride_width + 1;
        p.input_offset = (int32_t)(ef_test_random(&seed) % 256u) - 127;
        p.output_offset = (int32_t)(ef_test_random(&seed) % 41u) - 20;
        p.activation_min = -128 + (int32_t)(ef_test_random(&seed) % 20u);
        p.activation_max = 127 - (int32_t)(ef_test_random(&seed) % 20u);
        for (int32_t c = 0; c < p.output_depth; ++c) {
            bias[c] = (int32_t)(ef_test_random(&seed) % 20001u) - 10000;
            multiplier[c] = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
            shift[c] = -(int32_t)(ef_test_random(&seed) % 10u) - 7;
        }
        p.output_multiplier = multiplier;
        p.output_shift = shift;
        ef_test_fill_random_i8(input, p.input_height * p.input_width * p.input_depth, &seed);
        ef_test_fill_random_i8(filter, p.output_depth * p.filter_height * p.filter_width * p.filter_depth, &seed);
        const int32_t n = p.output_height * p.output_width * p.output_depth;
        oracle(&p, input, filter, bias, expected);
        ef_test_expect_int("status", EF_OK, ef_conv2d_s8(&p, input, filter, bias, output));
        ef_test_expect_i8_array("output", expected, output, n);
    }
    ef_test_end();
}

void ef_suite_conv2d(void)
{
    test_valid_two_batches();
    test_same_padding_with_input_offset();
    test_stride2_per_channel_rounding();
    test_relu6_and_saturation();
    test_dilation();
    test_groups();
    test_sweep();
}
