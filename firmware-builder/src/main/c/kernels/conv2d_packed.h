/*
 * CONV_2D, int8, on a stream the generator packed for the matrix-multiply tiles of the optimized kernels: weights,
 * folded biases and requantization constants (ef_requant.h) interleaved per pair of output channels. Bit-exact with
 * TFLM's reference_integer_ops::ConvPerChannel for every layer the generator hands to it (otherwise it emits
 * ef_conv2d_s8).
 *
 * Each output pixel is one dot product per output channel over its patch: the patch_size =
 * filter_height * filter_width * input_depth input values under the filter in TFLite's filter order (fy, fx, ic),
 * zero-padded to patch_stride (patch_size rounded up to a multiple of 8); taps outside the image read pad_value (the
 * input zero point).
 *
 * The packed stream, little-endian, for each pair of output channels (c, c+1): the int32 bias2 of c and of c+1; per
 * block of 4 patch values, 4 int8 weights of c then 4 of c+1 (0 past patch_size); the int32 multiplier and rounding
 * of c, then of c+1; the uint8 shifts of c and c+1 and two zero bytes. An odd last channel follows with its bias2,
 * 4 weights per block, multiplier, rounding, and its shift and three zero bytes.
 *
 * In place: output pixels are written in order (from the first, or with `reverse` from the last), each after every
 * input value it needs has been read (into scratch), so the output may overlap the input as far as the generator's
 * memory plan allows: a layer whose output is larger than its input runs in reverse, so that its output can start
 * where its input starts.
 */
#ifndef EF_KERNEL_CONV2D_PACKED_H
#define EF_KERNEL_CONV2D_PACKED_H

#include <stdint.h>
#include "ef/ef_status.h"

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
    int32_t patch_stride; /* patch_size rounded up to a multiple of 8 */
    int32_t pad_value;    /* the input zero point */
    int32_t activation_min;
    int32_t activation_max;
    int32_t reverse; /* 1: output pixels (and batches) from the last to the first */
} ef_conv2d_packed_params;

/* Bytes of scratch the kernels need for a patch stride (in the arena, 16-byte aligned). */
#define EF_CONV2D_PACKED_SCRATCH_BYTES(patch_stride) (5 * (patch_stride))

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *params, const int8_t *input, const int8_t *packed,
                              int8_t *output, void *scratch);

#endif /* EF_KERNEL_CONV2D_PACKED_H */
