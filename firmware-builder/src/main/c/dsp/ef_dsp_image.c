#include "ef_dsp_image.h"

#include <math.h>

void ef_dsp_image(const ef_dsp_image_params *p, const uint8_t *rgb, float *out)
{
    const uint32_t sw = p->source_width;
    const float max_x = (float)(sw - 1u);
    const float max_y = (float)(p->source_height - 1u);
    uint32_t x;
    uint32_t y;
    uint32_t c;

    for (y = 0; y < p->height; y++) {
        for (x = 0; x < p->width; x++) {
            float *o = out + (y * p->width + x) * p->channels;
            float v[3] = {0.0f, 0.0f, 0.0f};
            if (x >= p->content_x0 && x < p->content_x1 && y >= p->content_y0 && y < p->content_y1) {
                float sx = ((float)x + 0.5f) * p->scale_x - 0.5f + p->offset_x;
                float sy = ((float)y + 0.5f) * p->scale_y - 0.5f + p->offset_y;
                uint32_t x0;
                uint32_t y0;
                uint32_t x1;
                uint32_t y1;
                float fx;
                float fy;
                sx = sx < 0.0f ? 0.0f : (sx > max_x ? max_x : sx);
                sy = sy < 0.0f ? 0.0f : (sy > max_y ? max_y : sy);
                x0 = (uint32_t)floorf(sx);
                y0 = (uint32_t)floorf(sy);
                x1 = x0 + 1u < sw ? x0 + 1u : sw - 1u;
                y1 = y0 + 1u < p->source_height ? y0 + 1u : p->source_height - 1u;
                fx = sx - (float)x0;
                fy = sy - (float)y0;
                for (c = 0; c < 3u; c++) {
                    const float p00 = rgb[(y0 * sw + x0) * 3u + c];
                    const float p10 = rgb[(y0 * sw + x1) * 3u + c];
                    const float p01 = rgb[(y1 * sw + x0) * 3u + c];
                    const float p11 = rgb[(y1 * sw + x1) * 3u + c];
                    const float top = (1.0f - fx) * p00 + fx * p10;
                    const float bottom = (1.0f - fx) * p01 + fx * p11;
                    v[c] = (1.0f - fy) * top + fy * bottom;
                }
            }
            if (p->channels == 1u) {
                o[0] = (0.299f * v[0] + 0.587f * v[1] + 0.114f * v[2]) * p->out_scale + p->out_offset;
            } else {
                for (c = 0; c < 3u; c++) {
                    o[c] = v[c] * p->out_scale + p->out_offset;
                }
            }
        }
    }
}
