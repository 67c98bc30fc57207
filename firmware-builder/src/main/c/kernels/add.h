/*
 * ADD, int8, with TFLM's quantized arithmetic (reference_integer_ops::Add / BroadcastAdd6DSlow):
 * both inputs are offset, shifted left by left_shift (20 for int8), rescaled to a common scale, summed,
 * rescaled to the output and clamped.
 */
#ifndef EF_KERNEL_ADD_H
#define EF_KERNEL_ADD_H

#include <stdint.h>
#include "ef/ef_status.h"

#define EF_ADD_MAX_DIMS 6

typedef struct {
    int32_t input1_offset; /* -input1 zero point */
    int32_t input2_offset; /* -input2 zero point */
    int32_t output_offset; /* +output zero point */
    int32_t left_shift;    /* 20 for int8 */
    int32_t input1_multiplier;
    int32_t input1_shift; /* <= 0 */
    int32_t input2_multiplier;
    int32_t input2_shift; /* <= 0 */
    int32_t output_multiplier;
    int32_t output_shift; /* <= 0 */
    int32_t activation_min;
    int32_t activation_max;
} ef_add_params;

/*
 * Broadcast geometry, computed ahead of time: the output shape padded on the left with 1s to
 * EF_ADD_MAX_DIMS dimensions, and for each input the element stride of each of those dimensions
 * (0 where the input is broadcast along it).
 */
typedef struct {
    int32_t output_dims[EF_ADD_MAX_DIMS];
    int32_t input1_strides[EF_ADD_MAX_DIMS];
    int32_t input2_strides[EF_ADD_MAX_DIMS];
} ef_add_broadcast;

/* Element-wise: both inputs and the output have `size` elements. */
ef_status ef_add_s8(const ef_add_params *params, int32_t size, const int8_t *input1, const int8_t *input2,
                    int8_t *output);

/* With broadcasting; the output is written in row-major order of broadcast->output_dims. */
ef_status ef_add_broadcast_s8(const ef_add_params *params, const ef_add_broadcast *broadcast, const int8_t *input1,
                              const int8_t *input2, int8_t *output);

#endif /* EF_KERNEL_ADD_H */
