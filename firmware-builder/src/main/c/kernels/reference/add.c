/* ADD int8 reference kernel: TFLM reference_integer_ops::Add and BroadcastAdd6DSlow. */
#include "add.h"
#include "ef_fixedpoint.h"

static int8_t add_one(const ef_add_params *p, int8_t x, int8_t y)
{
    const int32_t input1_val = p->input1_offset + x;
    const int32_t input2_val = p->input2_offset + y;
    const int32_t shifted_input1_val = ef_shl_wrap(input1_val, (int)p->left_shift);
    const int32_t shifted_input2_val = ef_shl_wrap(input2_val, (int)p->left_shift);
    const int32_t scaled_input1_val =
        ef_multiply_by_quantized_multiplier_smaller_than_one(shifted_input1_val, p->input1_multiplier, p->input1_shift);
    const int32_t scaled_input2_val =
        ef_multiply_by_quantized_multiplier_smaller_than_one(shifted_input2_val, p->input2_multiplier, p->input2_shift);
    const int32_t raw_sum = scaled_input1_val + scaled_input2_val;
    const int32_t raw_output =
        ef_multiply_by_quantized_multiplier_smaller_than_one(raw_sum, p->output_multiplier, p->output_shift)
        + p->output_offset;
    return (int8_t)ef_min_i32(p->activation_max, ef_max_i32(p->activation_min, raw_output));
}

ef_status ef_add_s8(const ef_add_params *params, int32_t size, const int8_t *input1, const int8_t *input2,
                    int8_t *output)
{
    for (int32_t i = 0; i < size; ++i) {
        output[i] = add_one(params, input1[i], input2[i]);
    }
    return EF_OK;
}

ef_status ef_add_broadcast_s8(const ef_add_params *params, const ef_add_broadcast *bc, const int8_t *input1,
                              const int8_t *input2, int8_t *output)
{
    int32_t index[EF_ADD_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
    int32_t total = 1;
    for (int d = 0; d < EF_ADD_MAX_DIMS; ++d) {
        total *= bc->output_dims[d];
    }
    int32_t offset1 = 0;
    int32_t offset2 = 0;
    for (int32_t out = 0; out < total; ++out) {
        output[out] = add_one(params, input1[offset1], input2[offset2]);
        /* Advance the multi-index like an odometer, keeping both input offsets in step. */
        for (int d = EF_ADD_MAX_DIMS - 1; d >= 0; --d) {
            ++index[d];
            offset1 += bc->input1_strides[d];
            offset2 += bc->input2_strides[d];
            if (index[d] < bc->output_dims[d]) {
                break;
            }
            offset1 -= bc->input1_strides[d] * index[d];
            offset2 -= bc->input2_strides[d] * index[d];
            index[d] = 0;
        }
    }
    return EF_OK;
}
