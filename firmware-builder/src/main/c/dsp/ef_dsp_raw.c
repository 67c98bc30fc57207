#include "ef_dsp_raw.h"

void ef_dsp_raw(const ef_dsp_raw_params *p, const float *signal, float *out)
{
    const uint32_t count = p->axis_count * p->sample_count;
    uint32_t i;
    for (i = 0; i < count; i++) {
        out[i] = signal[i] * p->scale;
    }
}
