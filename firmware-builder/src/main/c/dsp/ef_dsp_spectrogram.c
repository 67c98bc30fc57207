#include "ef_dsp_spectrogram.h"

#include <math.h>

void ef_dsp_spectrogram(const ef_dsp_spectrogram_params *p, const void *signal, float *scratch, float *out)
{
    const uint32_t bins = p->frames.fft.length / 2u + 1u;
    const float floor_db = p->noise_floor_db;
    const float range = 12.0f - floor_db;
    uint32_t f;
    uint32_t k;

    for (f = 0; f < p->frames.frame_count; f++) {
        float *row = out + f * bins;
        ef_dsp_frame_power(&p->frames, signal, f, scratch);
        for (k = 0; k < bins; k++) {
            float v = scratch[k];
            if (p->log_scale) {
                v = (EF_DSP_DB_PER_NEPER * logf(v > 1e-30f ? v : 1e-30f) - floor_db) / range;
                v = v < 0.0f ? 0.0f : v;
                v = v > 1.0f ? 1.0f : v;
            }
            row[k] = v;
        }
    }
}
