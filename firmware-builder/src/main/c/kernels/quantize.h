/*
 * QUANTIZE: float32 -> int8 (TFLM reference_ops::AffineQuantize) and int8 -> int8 with a new scale and
 * zero point (TFLM reference_ops::Requantize).
 */
#ifndef EF_KERNEL_QUANTIZE_H
#define EF_KERNEL_QUANTIZE_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t size;
    float scale;        /* output scale, as stored in the model (float32) */
    int32_t zero_point; /* output zero point */
} ef_quantize_params;

/* out = clamp(round_half_away(in / scale) + zero_point, -128, 127), the division done in float32. */
ef_status ef_quantize_f32_s8(const ef_quantize_params *params, const float *input, int8_t *output);

typedef struct {
    int32_t size;
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t multiplier; /* QuantizeMultiplier(input_scale / output_scale) */
    int32_t shift;
} ef_requantize_params;

ef_status ef_requantize_s8(const ef_requantize_params *params, const int8_t *input, int8_t *output);

#endif /* EF_KERNEL_QUANTIZE_H */
