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
#include "ef_fixedpoint.h"

/* n bytes from `from` to `to`, a word at a time where it can (both may be unaligned: fine on every core with the
 * optimized kernels, and memcpy in portable C compiles to the same). */
static inline void ef_patch_copy(int8_t *to, const int8_t *from, int32_t n)
{
    int32_t k = 0;
    for (; k + 4 <= n; k += 4) {
        uint32_t word;
        memcpy(&word, from + k, sizeof word);
        memcpy(to + k, &word, sizeof word);
    }
    for (; k < n; ++k) {
        to[k] = from[k];
    }
}

static inline void ef_patch_fill(int8_t *to, int8_t value, int32_t n)
{
    for (int32_t k = 0; k < n; ++k) {
        to[k] = value;
    }
}

static inline void ef_patch_gather(const ef_conv2d_packed_params *p, const int8_t *image, int32_t out_y, int32_t out_x,
                                   int8_t *patch)
{
    const int32_t depth = p->input_depth;
    const int32_t row_bytes = p->input_width * depth;
    const int32_t in_y0 = out_y * p->stride_height - p->pad_height;
    const int32_t in_x0 = out_x * p->stride_width - p->pad_width;
    const int32_t filter_row = p->filter_width * depth;
    const int8_t pad = (int8_t)p->pad_value;
    /* With dilation 1 each filter row is a run of padding, a run of the image row, a run of padding. */
    const int32_t left = ef_min_i32(ef_max_i32(-in_x0, 0), p->filter_width);
    const int32_t right = ef_min_i32(ef_max_i32(in_x0 + p->filter_width - p->input_width, 0), p->filter_width - left);
    int8_t *to = patch;
    for (int32_t fy = 0; fy < p->filter_height; ++fy) {
        const int32_t in_y = in_y0 + fy * p->dilation_height;
        if (in_y < 0 || in_y >= p->input_height) {
            ef_patch_fill(to, pad, filter_row);
        } else if (p->dilation_width == 1) {
            const int8_t *row = image + in_y * row_bytes;
            const int32_t middle = p->filter_width - left - right;
            ef_patch_fill(to, pad, left * depth);
            if (middle > 0) {
                ef_patch_copy(to + left * depth, row + (in_x0 + left) * depth, middle * depth);
            }
            if (right > 0) {
                ef_patch_fill(to + (p->filter_width - right) * depth, pad, right * depth);
            }
        } else {
            const int8_t *row = image + in_y * row_bytes;
            for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                const int32_t in_x = in_x0 + fx * p->dilation_width;
                if (in_x < 0 || in_x >= p->input_width) {
                    ef_patch_fill(to + fx * depth, pad, depth);
                } else {
                    ef_patch_copy(to + fx * depth, row + in_x * depth, depth);
                }
            }
        }
        to += filter_row;
    }
    ef_patch_fill(patch + p->patch_size, 0, p->patch_stride - p->patch_size);
}

#endif /* EF_PATCH_H */
