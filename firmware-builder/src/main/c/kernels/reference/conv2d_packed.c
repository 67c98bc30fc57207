/*
 * CONV_2D int8 on a packed stream, portable C99: one output pixel at a time, its patch gathered into scratch first
 * (so the output may overlap the input as the header describes), then one dot product per output channel.
 */
#include "conv2d_packed.h"
#include "ef_packed_stream.h"
#include "ef_patch.h"

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *p, const int8_t *input, const int8_t *packed,
                              int8_t *output, void *scratch)
{
    int8_t *patch = (int8_t *)scratch;
    const int32_t image_bytes = p->input_height * p->input_width * p->input_depth;
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *image = input + batch * image_bytes;
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                ef_patch_gather(p, image, out_y, out_x, patch);
                int8_t *out = output
                    + ((batch * p->output_height + out_y) * p->output_width + out_x) * p->output_depth;
                ef_stream_pixel(packed, p->output_depth, p->patch_stride, patch, p->activation_min,
                                p->activation_max, out);
            }
        }
    }
    return EF_OK;
}
