/*
 * FULLY_CONNECTED int8 for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference: the same
 * products are summed in int32 (integer addition is associative), then the same requantization.
 * Two output rows are computed per pass so each input word is loaded and unpacked once for both.
 */
#include "fully_connected.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

static int8_t finish(const ef_fully_connected_params *p, int32_t acc, const int32_t *bias, int32_t out_c)
{
    if (bias != 0) {
        acc += bias[out_c];
    }
    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[out_c], p->output_shift[out_c]);
    acc += p->output_offset;
    return (int8_t)ef_clamp_i32(acc, p->activation_min, p->activation_max);
}

ef_status ef_fully_connected_s8(const ef_fully_connected_params *p, const int8_t *input, const int8_t *weights,
                                const int32_t *bias, int8_t *output)
{
    const int16x2_t x_offset2 = ef_dup16(p->input_offset);
    const int16x2_t w_offset2 = ef_dup16(p->weights_offset);
    const int32_t depth = p->accum_depth;
    for (int32_t b = 0; b < p->batches; ++b) {
        const int8_t *in = input + b * depth;
        int8_t *out = output + b * p->output_depth;
        int32_t out_c = 0;
        for (; out_c + 2 <= p->output_depth; out_c += 2) {
            int32_t acc0 = 0;
            int32_t acc1 = 0;
            const int8_t *w0 = weights + out_c * depth;
            ef_dot2_s8(in, w0, w0 + depth, depth, x_offset2, w_offset2, p->input_offset, p->weights_offset, &acc0,
                       &acc1);
            out[out_c] = finish(p, acc0, bias, out_c);
            out[out_c + 1] = finish(p, acc1, bias, out_c + 1);
        }
        if (out_c < p->output_depth) {
            const int32_t acc = ef_dot_s8(in, weights + out_c * depth, depth, x_offset2, w_offset2, p->input_offset,
                                          p->weights_offset, 0);
            out[out_c] = finish(p, acc, bias, out_c);
        }
    }
    return EF_OK;
}
