/* QUANTIZE: float -> int8 rounds half away from zero in float32 and clamps; int8 -> int8 requantizes
 * with TFLM's double rounding. */
#include "ef_test.h"
#include "quantize.h"

#define Q30 ((int32_t)1 << 30)

/* Scale 0.5, zero point -3: x / 0.5 = 2.5 -> 3, -2.5 -> -3, 0.48 -> 0, 2000 -> clamp, 1.5 -> 2, -1.5 -> -2. */
static void test_float_to_int8(void)
{
    ef_test_begin("quantize", "float_to_int8_rounding_clamp");
    static const float input[8] = {1.25f, -1.25f, 0.24f, 1000.0f, -1000.0f, 0.75f, -0.75f, 0.0f};
    static const int8_t expected[8] = {0, -6, -3, 127, -128, -1, -5, -3};
    int8_t output[8];
    const ef_quantize_params p = {8, 0.5f, -3};
    ef_test_expect_int("status", EF_OK, ef_quantize_f32_s8(&p, input, output));
    ef_test_expect_i8_array("output", expected, output, 8);
    ef_test_end();
}

/* x0.5 (Q30, 0) into zero point 5: 1.5 -> 2, -1.5 -> -1 (high-mul ties round up), 63.5 -> 64, -64.
 * x2 (Q30, 2): 200 and -200 saturate, 20. */
static void test_requantize(void)
{
    ef_test_begin("quantize", "int8_to_int8_requantize");
    static const int8_t input[4] = {3, -3, 127, -128};
    static const int8_t expected_half[4] = {7, 4, 69, -59};
    static const int8_t input2[3] = {100, -100, 10};
    static const int8_t expected_double[3] = {127, -128, 25};
    int8_t output[4];
    ef_requantize_params p = {4, 0, 5, Q30, 0};
    ef_test_expect_int("status", EF_OK, ef_requantize_s8(&p, input, output));
    ef_test_expect_i8_array("half", expected_half, output, 4);
    p.size = 3;
    p.shift = 2;
    ef_test_expect_int("status", EF_OK, ef_requantize_s8(&p, input2, output));
    ef_test_expect_i8_array("double", expected_double, output, 3);
    ef_test_end();
}

void ef_suite_quantize(void)
{
    test_float_to_int8();
    test_requantize();
}
