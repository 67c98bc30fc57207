/*
 * Params shared by AVERAGE_POOL_2D and MAX_POOL_2D (int8, input and output share scale and zero point,
 * as the TFLite converter guarantees for int8 pooling).
 * Layouts: input [batches][input_height][input_width][depth], output [batches][output_height][output_width][depth].
 */
#ifndef EF_KERNEL_POOL2D_H
#define EF_KERNEL_POOL2D_H

#include <stdint.h>

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t depth;
    int32_t output_height;
    int32_t output_width;
    int32_t filter_height;
    int32_t filter_width;
    int32_t stride_height;
    int32_t stride_width;
    int32_t pad_height;
    int32_t pad_width;
    int32_t activation_min;
    int32_t activation_max;
} ef_pool2d_params;

#endif /* EF_KERNEL_POOL2D_H */
