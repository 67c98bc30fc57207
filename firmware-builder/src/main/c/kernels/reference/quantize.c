/* QUANTIZE reference kernels: TFLM reference_ops::AffineQuantize (float32 -> int8) and Requantize. */
#include <math.h>
#include "quantize.h"
#include "ef_fixedpoint.h"

ef_status ef_quantize_f32_s8(const ef_quantize_params *p, const float *input, int8_t *output)
{
    for (int32_t i = 0; i < p->size; ++i) {
        /* TfLiteRound: round half away from zero, in float32. */
        const float q = roundf(input[i] / p->scale);
        /* Converting an out-of-range float to int is undefined in C: saturate far outside the int8
         * range first (the clamp below gives -128/127 either way); NaN becomes 0 as on Cortex-M VCVT. */
        int32_t unclamped;
        if (q != q) {
            unclamped = 0;
        } else if (q > 1024.0f) {
            unclamped = 1024;
        } else if (q < -1024.0f) {
            unclamped = -1024;
        } else {
            unclamped = (int32_t)q;
        }
        unclamped += p->zero_point;
        output[i] = (int8_t)ef_clamp_i32(unclamped, -128, 127);
    }
    return EF_OK;
}

ef_status ef_requantize_s8(const ef_requantize_params *p, const int8_t *input, int8_t *output)
{
    for (int32_t i = 0; i < p->size; ++i) {
        const int32_t value = (int32_t)input[i] - p->input_zero_point;
        const int32_t out = ef_multiply_by_quantized_multiplier(value, p->multiplier, p->shift) + p->output_zero_point;
        output[i] = (int8_t)ef_max_i32(ef_min_i32(out, 127), -128);
    }
    return EF_OK;
}
