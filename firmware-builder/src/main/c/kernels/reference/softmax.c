/* SOFTMAX int8 -> int8 reference kernel: TFLM reference_ops::Softmax<int8_t, int8_t>. */
#include "softmax.h"
#include "ef_fixedpoint.h"

/* Q5.26 for the scaled differences, Q12.19 for the sum of exponentials, as in TFLM. */
#define SCALED_DIFF_INTEGER_BITS 5
#define ACCUMULATION_INTEGER_BITS 12

ef_status ef_softmax_s8(const ef_softmax_params *p, const int8_t *input, int8_t *output)
{
    for (int32_t i = 0; i < p->outer_size; ++i) {
        const int8_t *in = input + i * p->depth;
        int8_t *out = output + i * p->depth;
        int32_t max_in_row = -128;
        for (int32_t c = 0; c < p->depth; ++c) {
            max_in_row = ef_max_i32(max_in_row, in[c]);
        }

        int32_t sum_of_exps = 0;
        for (int32_t c = 0; c < p->depth; ++c) {
            const int32_t input_diff = (int32_t)in[c] - max_in_row;
            if (input_diff >= p->diff_min) {
                const int32_t input_diff_rescaled = ef_multiply_by_quantized_multiplier_greater_than_one(
                    input_diff, p->input_multiplier, p->input_left_shift);
                const int32_t exp_value = ef_exp_on_negative_values(input_diff_rescaled, SCALED_DIFF_INTEGER_BITS);
                sum_of_exps = ef_add_wrap(sum_of_exps, ef_rounding_divide_by_pot(exp_value, ACCUMULATION_INTEGER_BITS));
            }
        }

        /* GetReciprocal(sum_of_exps, ACCUMULATION_INTEGER_BITS). */
        const int headroom_plus_one = ef_count_leading_zeros((uint32_t)sum_of_exps);
        const int num_bits_over_unit = ACCUMULATION_INTEGER_BITS - headroom_plus_one;
        const int32_t shifted_sum_minus_one =
            (int32_t)(((uint32_t)sum_of_exps << headroom_plus_one) - ((uint32_t)1 << 31));
        const int32_t shifted_scale = ef_one_over_one_plus_x_for_x_in_0_1(shifted_sum_minus_one);
        const int exponent = num_bits_over_unit + 31 - 8;

        for (int32_t c = 0; c < p->depth; ++c) {
            const int32_t input_diff = (int32_t)in[c] - max_in_row;
            if (input_diff >= p->diff_min) {
                const int32_t input_diff_rescaled = ef_multiply_by_quantized_multiplier_greater_than_one(
                    input_diff, p->input_multiplier, p->input_left_shift);
                const int32_t exp_in_0 = ef_exp_on_negative_values(input_diff_rescaled, SCALED_DIFF_INTEGER_BITS);
                const int32_t unsat_output = ef_rounding_divide_by_pot(ef_srdhm(shifted_scale, exp_in_0), exponent);
                out[c] = (int8_t)ef_clamp_i32(unsat_output - 128, -128, 127);
            } else {
                out[c] = -128;
            }
        }
    }
    return EF_OK;
}
