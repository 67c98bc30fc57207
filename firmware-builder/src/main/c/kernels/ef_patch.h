/*
 * Gathers the input patch of one output pixel for the packed convolution kernels (internal to the kernels): the
 * values under the filter in TFLite's filter order (fy, fx, ic), pad_value where a tap falls outside the image, then
 * zeros up to the patch stride.
 */
#ifndef EF_PATCH_H
#define EF_PATCH_H

#include <stdint.h>
#include <string.h>
#include "conv2d_packed.h"

static inline void ef_patch_gather(const ef_conv2d_packed_params *p, const int8_t *image, int32_t out_y,
                                   int32_t out_x, int8_t *patch)
{
    const int32_t depth = p->input_depth;
    const int32_t row_bytes = p->input_width * depth;
    const int32_t in_y0 = out_y * p->stride_height - p->pad_height;
    const int32_t in_x0 = out_x * p->stride_width - p->pad_width;
    const int8_t pad = (int8_t)p->pad_value;
    int8_t *to = patch;
    for (int32_t fy = 0; fy < p->filter_height; ++fy) {
        const int32_t in_y = in_y0 + fy * p->dilation_height;
        if (in_y < 0 || in_y >= p->input_height) {
            memset(to, pad, (size_t)(p->filter_width * depth));
            to += p->filter_width * depth;
            continue;
        }
        const int8_t *row = image + in_y * row_bytes;
        if (p->dilation_width == 1 && in_x0 >= 0 && in_x0 + p->filter_width <= p->input_width) {
            /* The whole filter row lies in the image: one contiguous run. */
            memcpy(to, row + in_x0 * depth, (size_t)(p->filter_width * depth));
            to += p->filter_width * depth;
            continue;
        }
        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
            const int32_t in_x = in_x0 + fx * p->dilation_width;
            if (in_x < 0 || in_x >= p->input_width) {
                memset(to, pad, (size_t)depth);
            } else {
                memcpy(to, row + in_x * depth, (size_t)depth);
            }
            to += depth;
        }
    }
    for (int32_t k = p->patch_size; k < p->patch_stride; ++k) {
        patch[k] = 0;
    }
}

#endif /* EF_PATCH_H */
