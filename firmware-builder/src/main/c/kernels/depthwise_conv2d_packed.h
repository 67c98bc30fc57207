/*
 * DEPTHWISE_CONV_2D, int8, depth multiplier 1, dilation 1, on weights the generator packed for the optimized kernels,
 * with the requantization of ef_requant.h. Bit-exact with TFLM's reference_integer_ops::DepthwiseConvPerChannel for
 * every layer the generator hands to it (otherwise it emits ef_depthwise_conv2d_s8).
 *
 * Packed weights: channels in groups of 4 (the last group zero-filled past `depth`); per group, per tap
 * (fy, fx) in row-major order, the 4 channels' int8 weights. Taps outside the image read pad_value (the input zero
 * point).
 *
 * Scratch holds filter_height input rows widened to 16 bits, each padded_width columns wide (the image columns with
 * pad_width columns before them and enough after them for the last output), and the constants of each group of 4
 * channels.
 * In place: output row y is written after input rows up to y * stride_height - pad_height + filter_height - 1 (all
 * the rows it needs) have been read into scratch, and no input row is read after that, so the output may overlap the
 * input as far as the generator's memory plan allows.
 */
#ifndef EF_KERNEL_DEPTHWISE_CONV2D_PACKED_H
#define EF_KERNEL_DEPTHWISE_CONV2D_PACKED_H

#include <stdint.h>
#include "ef/ef_status.h"
#include "ef_requant.h"

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t depth; /* input and output channels */
    int32_t filter_height;
    int32_t filter_width;
    int32_t output_height;
    int32_t output_width;
    int32_t stride_height;
    int32_t stride_width;
    int32_t pad_height; /* padding offsets (top, left) */
    int32_t pad_width;
    int32_t padded_width; /* pad_width + input_width + the columns right of the image the last output reads */
    int32_t pad_value;    /* the input zero point */
    ef_requant requant;
} ef_depthwise_conv2d_packed_params;

/* Bytes of scratch for the widened rows (4 channels of a column are 8 bytes) and each group's constants (its 16-bit
 * weights and requantization constants). */
#define EF_DEPTHWISE_CONV2D_PACKED_SCRATCH_BYTES(filter_height, filter_width, padded_width, depth)                     \
    ((8 * (filter_height) * (padded_width) + 8 * (filter_height) * (filter_width) + 76) * (((depth) + 3) / 4))

ef_status ef_depthwise_conv2d_packed_s8(const ef_depthwise_conv2d_packed_params *params, const int8_t *input,
                                        const int8_t *weights, int8_t *output, void *scratch);

#endif /* EF_KERNEL_DEPTHWISE_CONV2D_PACKED_H */
