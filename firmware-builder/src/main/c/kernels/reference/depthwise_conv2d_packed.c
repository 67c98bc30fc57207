/*
 * DEPTHWISE_CONV_2D int8 (depth multiplier 1) on packed weights, portable C99: the input rows of each output row
 * are copied into a ring of filter_height padded rows in scratch first (so the output may overlap the input as the
 * header describes), then one dot product per output value.
 */
#include <string.h>
#include "depthwise_conv2d_packed.h"
#include "ef_fixedpoint.h"

/* Input row `row` (or padding) into a ring slot: padded_width columns of `depth` channels. */
static void load_row(const ef_depthwise_conv2d_packed_params *p, const int8_t *image, int32_t row, int8_t *slot)
{
    const int32_t depth = p->depth;
    for (int32_t col = 0; col < p->padded_width; ++col) {
        const int32_t x = col - p->pad_width;
        if (row < 0 || row >= p->input_height || x < 0 || x >= p->input_width) {
            memset(slot + col * depth, (int8_t)p->pad_value, (size_t)depth);
        } else {
            memcpy(slot + col * depth, image + (row * p->input_width + x) * depth, (size_t)depth);
        }
    }
}

ef_status ef_depthwise_conv2d_packed_s8(const ef_depthwise_conv2d_packed_params *p, const int8_t *input,
                                        const int8_t *weights, int8_t *output, void *scratch)
{
    const ef_requant *rq = &p->requant;
    const int32_t depth = p->depth;
    const int32_t taps = p->filter_height * p->filter_width;
    const int32_t slot_bytes = p->padded_width * depth;
    int8_t *ring = (int8_t *)scratch;
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *image = input + batch * p->input_height * p->input_width * depth;
        int8_t *out_image = output + batch * p->output_height * p->output_width * depth;
        int32_t next_row = -p->pad_height; /* the next input row to copy into the ring */
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            const int32_t top = out_y * p->stride_height - p->pad_height;
            for (; next_row < top + p->filter_height; ++next_row) {
                const int32_t slot = (next_row + p->pad_height) % p->filter_height;
                load_row(p, image, next_row, ring + slot * slot_bytes);
            }
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                int8_t *out = out_image + (out_y * p->output_width + out_x) * depth;
                for (int32_t c = 0; c < depth; ++c) {
                    int32_t acc2 = rq->bias[c];
                    for (int32_t fy = 0; fy < p->filter_height; ++fy) {
                        const int32_t slot = (top + fy + p->pad_height) % p->filter_height;
                        const int8_t *row = ring + slot * slot_bytes;
                        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                            const int32_t x = row[(out_x * p->stride_width + fx) * depth + c];
                            const int32_t w = weights[((c / 4) * taps + fy * p->filter_width + fx) * 4 + c % 4];
                            acc2 += 2 * x * w;
                        }
                    }
                    const int32_t value = ef_requant_portable(rq, c, acc2);
                    out[c] = (int8_t)ef_clamp_i32(value, rq->activation_min, rq->activation_max);
                }
            }
        }
    }
    return EF_OK;
}
