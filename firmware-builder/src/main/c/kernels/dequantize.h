/* DEQUANTIZE: int8 -> float32, out = scale * (in - zero_point) in float32 (TFLM reference_ops::Dequantize). */
#ifndef EF_KERNEL_DEQUANTIZE_H
#define EF_KERNEL_DEQUANTIZE_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t size;
    float scale;
    int32_t zero_point;
} ef_dequantize_params;

ef_status ef_dequantize_s8_f32(const ef_dequantize_params *params, const int8_t *input, float *output);

#endif /* EF_KERNEL_DEQUANTIZE_H */
