/*
 * CONV_2D, int8 activations, int8 per-output-channel symmetric weights, int32 bias.
 * Same math as TFLM reference_integer_ops::ConvPerChannel.
 *
 * Layouts (row-major): input [batches][input_height][input_width][input_depth],
 * filter [output_depth][filter_height][filter_width][filter_depth],
 * output [batches][output_height][output_width][output_depth].
 */
#ifndef EF_KERNEL_CONV2D_H
#define EF_KERNEL_CONV2D_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t input_depth;
    int32_t filter_height;
    int32_t filter_width;
    /* Input channels seen by one filter: input_depth for a plain convolution, input_depth / groups
     * for a grouped one (output channel c reads input channels [g * filter_depth, (g+1) * filter_depth)
     * with g = c / (output_depth / groups)). */
    int32_t filter_depth;
    int32_t output_height;
    int32_t output_width;
    int32_t output_depth;
    int32_t stride_height;
    int32_t stride_width;
    int32_t dilation_height;
    int32_t dilation_width;
    /* Padding offsets (top, left) as TFLite computes them for SAME/VALID; 0 for VALID. */
    int32_t pad_height;
    int32_t pad_width;
    int32_t input_offset;   /* -input zero point */
    int32_t output_offset;  /* +output zero point */
    int32_t activation_min; /* fused activation clamp, in output quantized units */
    int32_t activation_max;
    const int32_t *output_multiplier; /* [output_depth], Q0.31 */
    const int32_t *output_shift;      /* [output_depth], > 0 is a left shift */
} ef_conv2d_params;

/* bias may be NULL (no bias). */
ef_status ef_conv2d_s8(const ef_conv2d_params *params, const int8_t *input, const int8_t *filter, const int32_t *bias,
                       int8_t *output);

#endif /* EF_KERNEL_CONV2D_H */
