/* AVERAGE_POOL_2D: rounding of the mean (half away from zero), windows clipped by padding, clamps. */
#include "ef_test.h"
#include "average_pool2d.h"

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

void ef_suite_average_pool2d(void)
{
    test_valid_rounding();
    test_same_padding();
    test_empty_window();
}
