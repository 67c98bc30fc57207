/* DEQUANTIZE: scale * (q - zero_point) in float32, compared bit for bit. */
#include "ef_test.h"
#include "dequantize.h"

static void test_dequantize(void)
{
    ef_test_begin("dequantize", "int8_to_float");
    static const int8_t input[5] = {-3, 1, -128, 127, -4};
    static const float expected[5] = {0.0f, 2.0f, -62.5f, 65.0f, -0.5f};
    float output[5];
    const ef_dequantize_params p = {5, 0.5f, -3};
    ef_test_expect_int("status", EF_OK, ef_dequantize_s8_f32(&p, input, output));
    ef_test_expect_f32_array("output", expected, output, 5);
    ef_test_end();
}

/* An inexact scale: the result must be the float32 product scale * (q - zero_point), as TFLM computes
 * it, compared with the same product computed at run time here. */
static void test_inexact_scale(void)
{
    ef_test_begin("dequantize", "float32_product");
    static const int8_t input[2] = {3, 7};
    float expected[2];
    float output[2];
    const ef_dequantize_params p = {2, 0.1f, 0};
    volatile float scale = 0.1f; /* volatile: computed at run time like the kernel, no constant folding */
    expected[0] = scale * 3.0f;
    expected[1] = scale * 7.0f;
    ef_test_expect_int("status", EF_OK, ef_dequantize_s8_f32(&p, input, output));
    ef_test_expect_f32_array("output", expected, output, 2);
    ef_test_end();
}

void ef_suite_dequantize(void)
{
    test_dequantize();
    test_inexact_scale();
}
