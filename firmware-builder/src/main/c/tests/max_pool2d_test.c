/* MAX_POOL_2D: padding never contributes (all-negative inputs stay negative), clamps, channels. */
#include "ef_test.h"
#include "max_pool2d.h"

static ef_pool2d_params params(int32_t in_h, int32_t in_w, int32_t depth, int32_t out_h, int32_t out_w, int32_t filter,
                               int32_t stride, int32_t pad)
{
    ef_pool2d_params p = {0};
    p.batches = 1;
    p.input_height = in_h;
    p.input_width = in_w;
    p.depth = depth;
    p.output_height = out_h;
    p.output_width = out_w;
    p.filter_height = filter;
    p.filter_width = filter;
    p.stride_height = stride;
    p.stride_width = stride;
    p.pad_height = pad;
    p.pad_width = pad;
    p.activation_min = -128;
    p.activation_max = 127;
    return p;
}

/* 2x2 SAME with stride 1 on a 2x2 image pads only bottom/right (pad offset 0): windows
 * {-100 -50 -70 -90} {-50 -90} {-70 -90} {-90}. With a ReLU at zero point -60 the clamp is [-60, 127]. */
static void test_same_padding_negative(void)
{
    ef_test_begin("max_pool2d", "same_padding_ignores_padding");
    static const int8_t input[4] = {-100, -50, -70, -90};
    static const int8_t expected[4] = {-50, -50, -70, -90};
    static const int8_t expected_relu[4] = {-50, -50, -60, -60};
    int8_t output[4];
    ef_pool2d_params p = params(2, 2, 1, 2, 2, 2, 1, 0);
    ef_test_expect_int("status", EF_OK, ef_max_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    p.activation_min = -60;
    ef_test_expect_int("status", EF_OK, ef_max_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("relu", expected_relu, output, 4);
    ef_test_end();
}

/* 2x2 windows, stride 2, two channels including the int8 extremes. */
static void test_channels_stride2(void)
{
    ef_test_begin("max_pool2d", "stride2_two_channels_extremes");
    static const int8_t input[16] = {1, 127, 5, 0, -8, -128, -1, -128, -3, 0, 2, 0, -4, -128, -128, -128};
    static const int8_t expected[4] = {5, 127, -1, -128};
    int8_t output[4];
    ef_pool2d_params p = params(2, 4, 2, 1, 2, 2, 2, 0);
    ef_test_expect_int("status", EF_OK, ef_max_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* 3x3 SAME (pad 1) over 1..9: each output is the largest value of its clipped window. */
static void test_same_3x3(void)
{
    ef_test_begin("max_pool2d", "same_padding_3x3");
    static const int8_t input[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    static const int8_t expected[9] = {5, 6, 6, 8, 9, 9, 8, 9, 9};
    int8_t output[9];
    ef_pool2d_params p = params(3, 3, 1, 3, 3, 3, 1, 1);
    ef_test_expect_int("status", EF_OK, ef_max_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 9);
    ef_test_end();
}

/* TFLM's MaxPool written out naively. */
static void oracle(const ef_pool2d_params *p, const int8_t *input, int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t oy = 0; oy < p->output_height; ++oy)
            for (int32_t ox = 0; ox < p->output_width; ++ox)
                for (int32_t c = 0; c < p->depth; ++c) {
                    int32_t max = -128;
                    for (int32_t fy = 0; fy < p->filter_height; ++fy)
                        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                            const int32_t y = oy * p->stride_height - p->pad_height + fy;
                            const int32_t x = ox * p->stride_width - p->pad_width + fx;
                            if (y >= 0 && y < p->input_height && x >= 0 && x < p->input_width) {
                                const int32_t at = ((b * p->input_height + y) * p->input_width + x) * p->depth + c;
                                const int32_t v = input[at];
                                max = v > max ? v : max;
                            }
                        }
                    max = max < p->activation_min ? p->activation_min : max;
                    max = max > p->activation_max ? p->activation_max : max;
                    output[((b * p->output_height + oy) * p->output_width + ox) * p->depth + c] = (int8_t)max;
                }
}

/* Four channels per word and the channels left over, padding, batches, clamps and int8 extremes, against the
 * oracle. */
static void test_sweep(void)
{
    /* {batches, in h, w, depth, filter, stride, pad} */
    static const int32_t shapes[][7] = {
        {1, 6, 6, 8, 2, 2, 0},  {1, 5, 7, 7, 3, 2, 1}, {2, 4, 4, 5, 3, 1, 1},
        {1, 9, 9, 12, 3, 3, 0}, {1, 3, 3, 1, 2, 1, 0},
    };
    static int8_t input[1024];
    static int8_t expected[1024];
    static int8_t output[1024];
    uint32_t seed = 0x3A5Eu;
    ef_test_begin("max_pool2d", "sweep_matches_oracle");
    for (int32_t i = 0; i < EF_ARRAY_LEN(shapes); ++i) {
        const int32_t *s = shapes[i];
        ef_pool2d_params p = params(s[1], s[2], s[3], (s[1] + 2 * s[6] - s[4]) / s[5] + 1,
                                    (s[2] + 2 * s[6] - s[4]) / s[5] + 1, s[4], s[5], s[6]);
        p.batches = s[0];
        p.activation_min = i % 2 == 0 ? -128 : -30;
        p.activation_max = i == 2 ? 90 : 127;
        const int32_t n = s[0] * s[1] * s[2] * s[3];
        ef_test_fill_random_i8(input, n, &seed);
        for (int32_t k = 0; k < n; k += 7) {
            input[k] = (int8_t)(k % 2 == 0 ? -128 : 127);
        }
        oracle(&p, input, expected);
        ef_test_expect_int("status", EF_OK, ef_max_pool2d_s8(&p, input, output));
        ef_test_expect_i8_array("output", expected, output, p.batches * p.output_height * p.output_width * p.depth);
    }
    ef_test_end();
}

void ef_suite_max_pool2d(void)
{
    test_sweep();
    test_same_padding_negative();
    test_channels_stride2();
    test_same_3x3();
}
