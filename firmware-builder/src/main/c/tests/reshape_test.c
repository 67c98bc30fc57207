/* RESHAPE: a copy into another buffer, nothing when in place, a correct copy when buffers overlap. */
#include "ef_test.h"
#include "reshape.h"

static void test_reshape(void)
{
    ef_test_begin("reshape", "copy_in_place_overlap");
    static const int8_t input[4] = {1, 2, 3, -4};
    int8_t output[4] = {0, 0, 0, 0};
    int8_t buffer[5] = {9, 1, 2, 3, 4};
    static const int8_t shifted[5] = {1, 2, 3, 4, 4};
    const ef_reshape_params p = {4};
    ef_test_expect_int("status", EF_OK, ef_reshape(&p, input, output));
    ef_test_expect_i8_array("copy", input, output, 4);
    ef_test_expect_int("status", EF_OK, ef_reshape(&p, output, output));
    ef_test_expect_i8_array("in place", input, output, 4);
    ef_test_expect_int("status", EF_OK, ef_reshape(&p, buffer + 1, buffer));
    ef_test_expect_i8_array("overlap", shifted, buffer, 5);
    ef_test_end();
}

void ef_suite_reshape(void)
{
    test_reshape();
}
