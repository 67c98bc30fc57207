/* DEQUANTIZE reference kernel: TFLM reference_ops::Dequantize, in float32. */
#include "dequantize.h"

ef_status ef_dequantize_s8_f32(const ef_dequantize_params *p, const int8_t *input, float *output)
{
    for (int32_t i = 0; i < p->size; ++i) {
        output[i] = p->scale * (float)((int32_t)input[i] - p->zero_point);
    }
    return EF_OK;
}
