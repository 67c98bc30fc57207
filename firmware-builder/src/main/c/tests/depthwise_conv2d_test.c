/* DEPTHWISE_CONV_2D: hand-computed cases, then a sweep against a naive in-test oracle. */
#include "ef_test.h"
#include "depthwise_conv2d.h"
#include "ef_fixedpoint.h"

#define Q30 ((int32_t)1 << 30)

static const int32_t identity_multiplier[2] = {Q30, Q30};
static const int32_t identity_shift[2] = {1, 1};

static ef_depthwise_conv2d_params base_params(void)
{
    ef_depthwise_conv2d_params p = {0};
    p.batches = 1;
    p.depth_multiplier = 1;
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

/* Depth multiplier 2 on a one-channel 3x3 image (1..9), SAME padding with stride 2 (TFLite pads 1 on top
 * and left). Channel 0: 3x3 box of ones, clipped sums 12 16 24 28. Channel 1: twice the centre tap
 * (centres 1 3 7 9) plus bias 1: 3 7 15 19. */
static void test_depth_multiplier_same_stride2(void)
{
    ef_test_begin("depthwise_conv2d", "depth_multiplier2_same_stride2");
    static const int8_t input[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    static const int8_t filter[18] = {1, 0, 1, 0, 1, 0, 1, 0, 1, 2, 1, 0, 1, 0, 1, 0, 1, 0};
    static const int32_t bias[2] = {0, 1};
    static const int8_t expected[8] = {12, 3, 16, 7, 24, 15, 28, 19};
    int8_t output[8];
    ef_depthwise_conv2d_params p = base_params();
    p.input_height = 3;
    p.input_width = 3;
    p.input_depth = 1;
    p.filter_height = 3;
    p.filter_width = 3;
    p.depth_multiplier = 2;
    p.output_height = 2;
    p.output_width = 2;
    p.output_depth = 2;
    p.stride_height = 2;
    p.stride_width = 2;
    p.pad_height = 1;
    p.pad_width = 1;
    ef_test_expect_int("status", EF_OK, ef_depthwise_conv2d_s8(&p, input, filter, bias, output));
    ef_test_expect_i8_array("output", expected, output, 8);
    ef_test_end();
}

/* Input zero point -2 (offset +2); real channel 0 = 1 2 3 4, channel 1 = -1 -2 -3 -4; 2x2 VALID.
 * Filter channel 0 all 2 -> 20, x0.5 -> 10. Filter channel 1 all 3 -> -30, x0.125 (Q30, -2):
 * high-mul -15, then -3.75 -> -4. With ReLU6 at scale 1 (clamp [0, 6]): 6 and 0. */
static void test_offset_rounding_relu6(void)
{
    ef_test_begin("depthwise_conv2d", "input_offset_rounding_relu6");
    static const int8_t input[8] = {-1, -3, 0, -4, 1, -5, 2, -6};
    static const int8_t filter[8] = {2, 3, 2, 3, 2, 3, 2, 3};
    static const int32_t multiplier[2] = {Q30, Q30};
    static const int32_t shift[2] = {0, -2};
    static const int8_t expected_plain[2] = {10, -4};
    static const int8_t expected_relu6[2] = {6, 0};
    int8_t output[2];
    ef_depthwise_conv2d_params p = base_params();
    p.input_height = 2;
    p.input_width = 2;
    p.input_depth = 2;
    p.filter_height = 2;
    p.filter_width = 2;
    p.output_height = 1;
    p.output_width = 1;
    p.output_depth = 2;
    p.input_offset = 2;
    p.output_multiplier = multiplier;
    p.output_shift = shift;
    ef_test_expect_int("status", EF_OK, ef_depthwise_conv2d_s8(&p, input, filter, 0, output));
    ef_test_expect_i8_array("plain", expected_plain, output, 2);
    p.activation_min = 0;
    p.activation_max = 6;
    ef_test_expect_int("status", EF_OK, ef_depthwise_conv2d_s8(&p, input, filter, 0, output));
    ef_test_expect_i8_array("relu6", expected_relu6, output, 2);
    ef_test_end();
}

static void oracle(const ef_depthwise_conv2d_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                   int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t oy = 0; oy < p->output_height; ++oy)
            for (int32_t ox = 0; ox < p->output_width; ++ox)
                for (int32_t oc = 0; oc < p->output_depth; ++oc) {
                    const int32_t ic = oc / p->depth_multiplier;
                    int32_t acc = 0;
                    for (int32_t fy = 0; fy < p->filter_height; ++fy)
                        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                            const int32_t y = oy * p->stride_height - p->pad_height + fy * p->dilation_height;
                            const int32_t x = ox * p->stride_width - p->pad_width + fx * p->dilation_width;
                            if (y < 0 || y >= p->input_height || x < 0 || x >= p->input_width) {
                                continue;
                            }
                            const int32_t in =
                                input[((b * p->input_height + y) * p->input_width + x) * p->input_depth + ic];
                            const int32_t w = filter[(fy * p->filter_width + fx) * p->output_depth + oc];
                            acc += w * (in + p->input_offset);
                        }
                    acc += bias[oc];
                    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[oc], p->output_shift[oc]);
                    acc = ef_clamp_i32(acc + p->output_offset, p->activation_min, p->activation_max);
                    output[((b * p->output_height + oy) * p->output_width + ox) * p->output_depth + oc] = (int8_t)acc;
                }
}

static void test_sweep(void)
{
    /* {batches, input h, w, depth, depth multiplier, filter h, w, stride, dilation, pad} */
    static const int32_t shapes[][10] = {
        {1, 5, 5, 4, 1, 3, 3, 1, 1, 1},  {1, 6, 6, 8, 1, 3, 3, 2, 1, 1}, {1, 5, 7, 5, 1, 3, 3, 1, 1, 1},
        {2, 4, 4, 3, 2, 3, 3, 1, 1, 1},  {1, 7, 7, 9, 1, 3, 3, 2, 2, 2}, {1, 6, 5, 16, 1, 5, 5, 1, 1, 2},
        {1, 3, 3, 1, 4, 2, 2, 1, 1, 0},  {1, 8, 3, 6, 1, 3, 1, 3, 1, 1}, {1, 5, 5, 7, 3, 2, 3, 2, 1, 0},
        {1, 4, 9, 12, 1, 1, 4, 1, 2, 1},
    };
    static int8_t input[1024];
    static int8_t filter[1024];
    static int8_t expected[1024];
    static int8_t output[1024];
    int32_t bias[32];
    int32_t multiplier[32];
    int32_t shift[32];
    uint32_t seed = 0x2545F491u;

    ef_test_begin("depthwise_conv2d", "sweep_matches_oracle");
    for (int32_t s = 0; s < EF_ARRAY_LEN(shapes); ++s) {
        const int32_t *sh = shapes[s];
        ef_depthwise_conv2d_params p = base_params();
        p.batches = sh[0];
        p.input_height = sh[1];
        p.input_width = sh[2];
        p.input_depth = sh[3];
        p.depth_multiplier = sh[4];
        p.output_depth = sh[3] * sh[4];
        p.filter_height = sh[5];
        p.filter_width = sh[6];
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
            bias[c] = (int32_t)(ef_test_random(&seed) % 4001u) - 2000;
            multiplier[c] = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
            shift[c] = -(int32_t)(ef_test_random(&seed) % 8u) - 4;
        }
        p.output_multiplier = multiplier;
        p.output_shift = shift;
        ef_test_fill_random_i8(input, p.batches * p.input_height * p.input_width * p.input_depth, &seed);
        ef_test_fill_random_i8(filter, p.filter_height * p.filter_width * p.output_depth, &seed);
        const int32_t n = p.batches * p.output_height * p.output_width * p.output_depth;
        oracle(&p, input, filter, bias, expected);
        ef_test_expect_int("status", EF_OK, ef_depthwise_conv2d_s8(&p, input, filter, bias, output));
        ef_test_expect_i8_array("output", expected, output, n);
    }
    ef_test_end();
}

void ef_suite_depthwise_conv2d(void)
{
    test_depth_multiplier_same_stride2();
    test_offset_rounding_relu6();
    test_sweep();
}
