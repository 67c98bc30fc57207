#include "ef_dsp_image.h"

/* One source pixel as 8-bit R, G, B (RGB565 widened by repeating the top bits, grayscale as grey). */
static void read_pixel(const ef_dsp_image_params *p, const uint8_t *frame, uint32_t index, uint32_t *rgb)
{
    if (p->bytes_per_pixel == 1u) {
        rgb[0] = frame[index];
        rgb[1] = rgb[0];
        rgb[2] = rgb[0];
    } else if (p->bytes_per_pixel == 2u) {
        const uint32_t v = ((uint32_t)frame[2u * index] << 8) | frame[2u * index + 1u];
        const uint32_t r5 = v >> 11;
        const uint32_t g6 = (v >> 5) & 0x3Fu;
        const uint32_t b5 = v & 0x1Fu;
        rgb[0] = (r5 << 3) | (r5 >> 2);
        rgb[1] = (g6 << 2) | (g6 >> 4);
        rgb[2] = (b5 << 3) | (b5 >> 2);
    } else {
        rgb[0] = frame[3u * index];
        rgb[1] = frame[3u * index + 1u];
        rgb[2] = frame[3u * index + 2u];
    }
}

void ef_dsp_image(const ef_dsp_image_params *p, const uint8_t *frame, int8_t *out)
{
    const uint32_t sw = p->source_width;
    const int8_t padding = p->to_input[0];
    for (uint32_t y = 0; y < p->height; y++) {
        const uint32_t y0 = p->y_first[y];
        const uint32_t y1 = p->y_second[y];
        const uint32_t wy = p->y_weight[y];
        for (uint32_t x = 0; x < p->width; x++) {
            int8_t *o = out + (y * p->width + x) * p->channels;
            if (x < p->content_x0 || x >= p->content_x1 || y < p->content_y0 || y >= p->content_y1) {
                for (uint32_t c = 0; c < p->channels; c++) {
                    o[c] = padding;
                }
                continue;
            }
            const uint32_t x0 = p->x_first[x];
            const uint32_t x1 = p->x_second[x];
            const uint32_t wx = p->x_weight[x];
            uint32_t p00[3];
            uint32_t p10[3];
            uint32_t p01[3];
            uint32_t p11[3];
            uint32_t v[3];
            read_pixel(p, frame, y0 * sw + x0, p00);
            read_pixel(p, frame, y0 * sw + x1, p10);
            read_pixel(p, frame, y1 * sw + x0, p01);
            read_pixel(p, frame, y1 * sw + x1, p11);
            for (uint32_t c = 0; c < 3u; c++) {
                const uint32_t top = p00[c] * (256u - wx) + p10[c] * wx;
                const uint32_t bottom = p01[c] * (256u - wx) + p11[c] * wx;
                v[c] = (top * (256u - wy) + bottom * wy + 32768u) >> 16;
            }
            if (p->channels == 1u) {
                o[0] = p->to_input[(77u * v[0] + 150u * v[1] + 29u * v[2] + 128u) >> 8];
            } else {
                o[0] = p->to_input[v[0]];
                o[1] = p->to_input[v[1]];
                o[2] = p->to_input[v[2]];
            }
        }
    }
}
