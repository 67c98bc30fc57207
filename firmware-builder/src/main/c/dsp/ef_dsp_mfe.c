#include "ef_dsp_mfe.h"

#include <math.h>

void ef_dsp_mfe(const ef_dsp_mfe_params *p, const void *signal, float *scratch, float *out)
{
    const uint32_t filters = p->mel.filter_count;
    const float floor_db = p->noise_floor_db;
    const float range = 12.0f - floor_db;
    uint32_t f;
    uint32_t i;

    for (f = 0; f < p->frames.frame_count; f++) {
        float *row = out + f * filters;
        ef_dsp_frame_power(&p->frames, signal, f, scratch);
        ef_dsp_mel_energies(&p->mel, scratch, row);
        for (i = 0; i < filters; i++) {
            const float e = row[i] > 1e-30f ? row[i] : 1e-30f;
            float v = (EF_DSP_DB_PER_NEPER * logf(e) - floor_db) / range;
            v = v < 0.0f ? 0.0f : v;
            row[i] = v > 1.0f ? 1.0f : v;
        }
    }
}
