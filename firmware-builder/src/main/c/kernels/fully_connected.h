/*
 * FULLY_CONNECTED, int8. Same math as TFLM reference_integer_ops::FullyConnectedPerChannel and, with
 * the per-tensor multiplier repeated for every output channel, reference_integer_ops::FullyConnected.
 *
 * Layouts: input [batches][accum_depth], weights [output_depth][accum_depth], output [batches][output_depth].
 */
#ifndef EF_KERNEL_FULLY_CONNECTED_H
#define EF_KERNEL_FULLY_CONNECTED_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t batches;
    int32_t accum_depth;
    int32_t output_depth;
    int32_t input_offset;   /* -input zero point */
    int32_t weights_offset; /* -weights zero point; 0 for the symmetric int8 weights of the TFLite spec */
    int32_t output_offset;  /* +output zero point */
    int32_t activation_min;
    int32_t activation_max;
    const int32_t *output_multiplier; /* [output_depth] (a per-tensor multiplier is repeated) */
    const int32_t *output_shift;      /* [output_depth] */
} ef_fully_connected_params;

/* bias may be NULL (no bias). */
ef_status ef_fully_connected_s8(const ef_fully_connected_params *params, const int8_t *input, const int8_t *weights,
                                const int32_t *bias, int8_t *output);

#endif /* EF_KERNEL_FULLY_CONNECTED_H */
