#include "ef_dsp_signal.h"

void ef_dsp_read_f32(const void *window, uint32_t first, uint32_t stride, uint32_t count, float scale, float *out)
{
    const float *w = (const float *)window + first;
    uint32_t i;
    for (i = 0; i < count; i++) {
        out[i] = w[i * stride] * scale;
    }
}

void ef_dsp_read_s16(const void *window, uint32_t first, uint32_t stride, uint32_t count, float scale, float *out)
{
    const int16_t *w = (const int16_t *)window + first;
    uint32_t i;
    for (i = 0; i < count; i++) {
        out[i] = (float)w[i * stride] * scale;
    }
}
