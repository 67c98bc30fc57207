/*
 * DEPTHWISE_CONV_2D, int8 activations, int8 per-channel symmetric weights, int32 bias.
 * Same math as TFLM reference_integer_ops::DepthwiseConvPerChannel.
 *
 * Layouts (row-major): input [batches][input_height][input_width][input_depth],
 * filter [1][filter_height][filter_width][output_depth],
 * output [batches][output_height][output_width][output_depth], output_depth = input_depth * depth_multiplier;
 * output channel m + c * depth_multiplier reads input channel c.
 */
#ifndef EF_KERNEL_DEPTHWISE_CONV2D_H
#define EF_KERNEL_DEPTHWISE_CONV2D_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t input_depth;
    int32_t filter_height;
    int32_t filter_width;
    int32_t depth_multiplier;
    int32_t output_height;
    int32_t output_width;
    int32_t output_depth;
    int32_t stride_height;
    int32_t stride_width;
    int32_t dilation_height;
    int32_t dilation_width;
    int32_t pad_height;
    int32_t pad_width;
    int32_t input_offset;
    int32_t output_offset;
    int32_t activation_min;
    int32_t activation_max;
    const int32_t *output_multiplier; /* [output_depth] */
    const int32_t *output_shift;      /* [output_depth] */
} ef_depthwise_conv2d_params;

/* bias may be NULL (no bias). */
ef_status ef_depthwise_conv2d_s8(const ef_depthwise_conv2d_params *params, const int8_t *input, const int8_t *filter,
                                 const int32_t *bias, int8_t *output);

#endif /* EF_KERNEL_DEPTHWISE_CONV2D_H */
