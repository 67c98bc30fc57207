/*
 * CONV_2D int8 on a packed stream, portable C99: one output pixel at a time (from the last with `reverse`), its patch
 * gathered into scratch first (so the output may overlap the input as the header describes), then one dot product
 * per output channel.
 */
#include "conv2d_packed.h"
#include "ef_packed_stream.h"
#include "ef_patch.h"

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *p, const int8_t *input, const int8_t *packed,
                              int8_t *output, void *scratch)
{
    int8_t *patch = (int8_t *)scratch;
    const int32_t image_bytes = p->input_height * p->input_width * p->input_depth;
    const int32_t pixels = p->output_height * p->output_width;
    for (int32_t k = 0; k < p->batches * pixels; ++k) {
        const int32_t at = p->reverse ? p->batches * pixels - 1 - k : k;
        const int32_t batch = at / pixels;
        const int32_t out_y = at % pixels / p->output_width;
        const int32_t out_x = at % p->output_width;
        ef_patch_gather(p, input + batch * image_bytes, out_y, out_x, patch);
        ef_stream_pixel(packed, p->output_depth, p->patch_stride, patch, p->activation_min, p->activation_max,
                        output + at * p->output_depth);
    }
    return EF_OK;
}
