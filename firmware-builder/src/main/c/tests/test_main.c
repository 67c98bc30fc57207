/* Runs every kernel test suite; the exit code is 0 only when all pass. */
#include "ef_test.h"

void ef_suite_fixedpoint(void);
void ef_suite_conv2d(void);
void ef_suite_depthwise_conv2d(void);
void ef_suite_fully_connected(void);
void ef_suite_conv2d_packed(void);
void ef_suite_depthwise_conv2d_packed(void);
void ef_suite_fully_connected_packed(void);
void ef_suite_average_pool2d(void);
void ef_suite_max_pool2d(void);
void ef_suite_add(void);
void ef_suite_softmax(void);
void ef_suite_reshape(void);
void ef_suite_quantize(void);
void ef_suite_dequantize(void);

int main(void)
{
    ef_test_platform_init();
    ef_suite_fixedpoint();
    ef_suite_conv2d();
    ef_suite_depthwise_conv2d();
    ef_suite_fully_connected();
    ef_suite_conv2d_packed();
    ef_suite_depthwise_conv2d_packed();
    ef_suite_fully_connected_packed();
    ef_suite_average_pool2d();
    ef_suite_max_pool2d();
    ef_suite_add();
    ef_suite_softmax();
    ef_suite_reshape();
    ef_suite_quantize();
    ef_suite_dequantize();
    ef_test_print_summary();
    return ef_test_failures() == 0 ? 0 : 1;
}
