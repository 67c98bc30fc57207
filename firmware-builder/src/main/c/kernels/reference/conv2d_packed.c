/*
 * CONV_2D int8 on packed weights, portable C99: one output pixel at a time, its patch gathered into scratch first
 * (so the output may overlap the input as the header describes), then one dot product per output channel.
 */
#include "conv2d_packed.h"
#include "ef_fixedpoint.h"
#include "ef_patch.h"

/* Where weight k of output channel c is in the packed layout. */
static int32_t packed_index(int32_t c, int32_t k, int32_t output_depth, int32_t stride)
{
    const int32_t block = k / 4;
    const int32_t lane = k % 4;
    if (c == output_depth - 1 && output_depth % 2 == 1) {
        return c * stride + block * 4 + lane;
    }
    return (c / 2) * 2 * stride + block * 8 + (c % 2) * 4 + lane;
}

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *p, const int8_t *input, const int8_t *weights,
                              int8_t *output, void *scratch)
{
    int8_t *patch = (int8_t *)scratch;
    const ef_requant *rq = &p->requant;
    const int32_t image_bytes = p->input_height * p->input_width * p->input_depth;
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *image = input + batch * image_bytes;
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                ef_patch_gather(p, image, out_y, out_x, patch);
                int8_t *out = output
                    + ((batch * p->output_height + out_y) * p->output_width + out_x) * p->output_depth;
                for (int32_t c = 0; c < p->output_depth; ++c) {
                    int32_t acc2 = rq->bias[c];
                    for (int32_t k = 0; k < p->patch_size; ++k) {
                        const int32_t w = weights[packed_index(c, k, p->output_depth, p->patch_stride)];
                        acc2 += 2 * (int32_t)patch[k] * w;
                    }
                    const int32_t value = ef_requant_portable(rq, c, acc2);
                    out[c] = (int8_t)ef_clamp_i32(value, rq->activation_min, rq->activation_max);
                }
            }
        }
    }
    return EF_OK;
}
