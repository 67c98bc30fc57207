/*
 * CONV_2D, int8, on weights the generator packed for the matrix-multiply tiles of the optimized kernels, with the
 * requantization of ef_requant.h. Bit-exact with TFLM's reference_integer_ops::ConvPerChannel for every layer the
 * generator hands to it (otherwise it emits ef_conv2d_s8).
 *
 * Each output pixel is one dot product per output channel over its patch: the patch_size =
 * filter_height * filter_width * input_depth input values under the filter in TFLite's filter order (fy, fx, ic),
 * zero-padded to patch_stride (patch_size rounded up to a multiple of 4); taps outside the image read pad_value
 * (the input zero point). Packed weights, per pair of output channels (2j, 2j+1) and per block of 4 patch values:
 * 4 bytes of channel 2j then 4 bytes of channel 2j+1; an odd last channel follows with its 4 bytes per block.
 * Padding values of the patch have weight 0.
 *
 * In place: output pixels are written in order, each after every input value it needs has been read (into
 * scratch), so the output may overlap the input as far as the generator's memory plan allows.
 */
#ifndef EF_KERNEL_CONV2D_PACKED_H
#define EF_KERNEL_CONV2D_PACKED_H

#include <stdint.h>
#include "ef/ef_status.h"
#include "ef_requant.h"

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t input_depth;
    int32_t filter_height;
    int32_t filter_width;
    int32_t output_height;
    int32_t output_width;
    int32_t output_depth;
    int32_t stride_height;
    int32_t stride_width;
    int32_t dilation_height;
    int32_t dilation_width;
    int32_t pad_height; /* padding offsets (top, left) */
    int32_t pad_width;
    int32_t patch_size;   /* filter_height * filter_width * input_depth */
    int32_t patch_stride; /* patch_size rounded up to a multiple of 4 */
    int32_t pad_value;    /* the input zero point */
    ef_requant requant;
} ef_conv2d_packed_params;

/* Bytes of scratch the kernels need for a patch stride (16-byte aligned, in the arena). */
#define EF_CONV2D_PACKED_SCRATCH_BYTES(patch_stride) (5 * (patch_stride))

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *params, const int8_t *input, const int8_t *weights,
                              int8_t *output, void *scratch);

#endif /* EF_KERNEL_CONV2D_PACKED_H */
