/* AVERAGE_POOL_2D: rounding of the mean (half away from zero), windows clipped by padding, clamps. */
#include "ef_test.h"
#include "average_pool2d.h"
#include "ef_fixedpoint.h"

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

/* 2x2 windows, stride 2, two channels. Channel 0 sums 6 and -6 (1.5 -> 2, -1.5 -> -2), channel 1 sums
 * 5 and -5 (1.25 -> 1, -1.25 -> -1). */
static void test_valid_rounding(void)
{
    ef_test_begin("average_pool2d", "valid_rounding_half_away_from_zero");
    static const int8_t input[16] = {1, 1, 2, 1, -1, -1, -2, -1, 1, 1, 2, 2, -1, -1, -2, -2};
    static const int8_t expected[4] = {2, 1, -2, -1};
    int8_t output[4];
    ef_pool2d_params p = params(2, 4, 2, 1, 2, 2, 2, 0);
    ef_test_expect_int("status", EF_OK, ef_average_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 4);
    ef_test_end();
}

/* 3x3 windows over 1..9 with SAME padding: padded taps are not counted. Sums / counts:
 * 12/4 21/6 16/4 / 27/6 45/9 33/6 / 24/4 39/6 28/4 = 3 3.5 4 / 4.5 5 5.5 / 6 6.5 7. */
static void test_same_padding(void)
{
    ef_test_begin("average_pool2d", "same_padding_counts_only_inside");
    static const int8_t input[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    static const int8_t expected[9] = {3, 4, 4, 5, 5, 6, 6, 7, 7};
    static const int8_t expected_clamped[9] = {4, 4, 4, 5, 5, 6, 6, 6, 6};
    int8_t output[9];
    ef_pool2d_params p = params(3, 3, 1, 3, 3, 3, 1, 1);
    ef_test_expect_int("status", EF_OK, ef_average_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 9);
    p.activation_min = 4;
    p.activation_max = 6;
    ef_test_expect_int("status", EF_OK, ef_average_pool2d_s8(&p, input, output));
    ef_test_expect_i8_array("clamped", expected_clamped, output, 9);
    ef_test_end();
}

/* A window entirely in the padding has no mean: an error, as in TFLM. */
static void test_empty_window(void)
{
    ef_test_begin("average_pool2d", "empty_window_is_an_error");
    static const int8_t input[1] = {5};
    int8_t output[1];
    ef_pool2d_params p = params(1, 1, 1, 1, 1, 1, 1, 1);
    ef_test_expect_int("status", EF_ERROR_EMPTY_POOL_WINDOW, ef_average_pool2d_s8(&p, input, output));
    ef_test_end();
}

/* TFLM's AveragePool written out naively. */
static void oracle(const ef_pool2d_params *p, const int8_t *input, int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t oy = 0; oy < p->output_height; ++oy)
            for (int32_t ox = 0; ox < p->output_width; ++ox)
                for (int32_t c = 0; c < p->depth; ++c) {
                    int32_t acc = 0;
                    int32_t count = 0;
                    for (int32_t fy = 0; fy < p->filter_height; ++fy)
                        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                            const int32_t y = oy * p->stride_height - p->pad_height + fy;
                            const int32_t x = ox * p->stride_width - p->pad_width + fx;
                            if (y >= 0 && y < p->input_height && x >= 0 && x < p->input_width) {
                                acc += input[((b * p->input_height + y) * p->input_width + x) * p->depth + c];
                                ++count;
                            }
                        }
                    acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    output[((b * p->output_height + oy) * p->output_width + ox) * p->depth + c] =
                        (int8_t)ef_clamp_i32(acc, p->activation_min, p->activation_max);
                }
}

/* Global pools (KWS 25x5), windows of more than 256 taps (32-bit sums), depths not a multiple of 4,
 * padding, every value at the int8 extremes, against the oracle. */
static void test_sweep(void)
{
    /* {batches, in h, w, depth, filter h, w, stride, pad, extremes} */
    static const int32_t shapes[][9] = {
        {1, 25, 5, 16, 25, 5, 25, 0, 0}, {1, 8, 8, 6, 8, 8, 8, 0, 0}, {1, 17, 17, 5, 17, 17, 17, 0, 1},
        {2, 5, 6, 7, 3, 3, 2, 1, 0},     {1, 3, 3, 9, 3, 3, 3, 0, 1}, {1, 6, 5, 4, 2, 3, 1, 1, 0},
    };
    static int8_t input[2048];
    static int8_t expected[512];
    static int8_t output[512];
    uint32_t seed = 0x5EEDu;
    ef_test_begin("average_pool2d", "sweep_matches_oracle");
    for (int32_t i = 0; i < EF_ARRAY_LEN(shapes); ++i) {
        const int32_t *s = shapes[i];
        ef_pool2d_params p = params(s[1], s[2], s[3], 0, 0, s[4], s[6], s[7]);
        p.batches = s[0];
        p.filter_width = s[5];
        p.output_height = (s[1] + 2 * s[7] - s[4]) / s[6] + 1;
        p.output_width = (s[2] + 2 * s[7] - s[5]) / s[6] + 1;
        p.activation_min = i % 2 == 0 ? -128 : -100;
        const int32_t n = s[0] * s[1] * s[2] * s[3];
        ef_test_fill_random_i8(input, n, &seed);
        if (s[8]) {
            for (int32_t k = 0; k < n; ++k) {
                input[k] = (int8_t)(k % 3 == 0 ? 127 : -128);
            }
        }
        oracle(&p, input, expected);
        ef_test_expect_int("status", EF_OK, ef_average_pool2d_s8(&p, input, output));
        ef_test_expect_i8_array("output", expected, output, p.batches * p.output_height * p.output_width * p.depth);
    }
    ef_test_end();
}

void ef_suite_average_pool2d(void)
{
    test_valid_rounding();
    test_same_padding();
    test_empty_window();
    test_sweep();
}
