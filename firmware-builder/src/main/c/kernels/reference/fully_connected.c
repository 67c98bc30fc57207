/* FULLY_CONNECTED int8 reference kernel: TFLM reference_integer_ops::FullyConnected(PerChannel). */
#include "fully_connected.h"
#include "ef_fixedpoint.h"

ef_status ef_fully_connected_s8(const ef_fully_connected_params *p, const int8_t *input, const int8_t *weights,
                                const int32_t *bias, int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b) {
        for (int32_t out_c = 0; out_c < p->output_depth; ++out_c) {
            int32_t acc = 0;
            for (int32_t d = 0; d < p->accum_depth; ++d) {
                const int32_t in_val = input[b * p->accum_depth + d];
                const int32_t w_val = weights[out_c * p->accum_depth + d];
                acc += (w_val + p->weights_offset) * (in_val + p->input_offset);
            }
            if (bias != 0) {
                acc += bias[out_c];
            }
            acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[out_c], p->output_shift[out_c]);
            acc += p->output_offset;
            acc = ef_clamp_i32(acc, p->activation_min, p->activation_max);
            output[out_c + p->output_depth * b] = (int8_t)acc;
        }
    }
    return EF_OK;
}
