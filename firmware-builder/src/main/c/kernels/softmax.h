/*
 * SOFTMAX, int8 in, int8 out (output scale 1/256, zero point -128), along the last dimension.
 * Same math as TFLM reference_ops::Softmax<int8_t, int8_t>: gemmlowp fixed-point exp and reciprocal.
 */
#ifndef EF_KERNEL_SOFTMAX_H
#define EF_KERNEL_SOFTMAX_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t outer_size; /* product of all dimensions but the last */
    int32_t depth;      /* the last dimension */
    /* From TFLite PreprocessSoftmaxScaling(beta, input_scale, 5): */
    int32_t input_multiplier;
    int32_t input_left_shift;
    /* -CalculateInputRadius(5, input_left_shift): differences below it contribute exp(x) = 0. */
    int32_t diff_min;
} ef_softmax_params;

ef_status ef_softmax_s8(const ef_softmax_params *params, const int8_t *input, int8_t *output);

#endif /* EF_KERNEL_SOFTMAX_H */
