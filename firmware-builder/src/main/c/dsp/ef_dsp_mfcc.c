#include "ef_dsp_mfcc.h"

#include <math.h>

void ef_dsp_mfcc(const ef_dsp_mfcc_params *p, const void *signal, float *scratch, float *out)
{
    const uint32_t filters = p->mel.filter_count;
    const uint32_t coefficients = p->coefficient_count;
    float *energies = scratch + p->frames.fft.length;
    uint32_t f;
    uint32_t i;
    uint32_t k;

    for (f = 0; f < p->frames.frame_count; f++) {
        float *row = out + f * coefficients;
        float strongest = 0.0f;
        float floor_energy;
        ef_dsp_frame_power(&p->frames, signal, f, scratch);
        ef_dsp_mel_energies(&p->mel, scratch, energies);
        for (i = 0; i < filters; i++) {
            strongest = energies[i] > strongest ? energies[i] : strongest;
        }
        floor_energy = strongest * p->relative_floor;
        floor_energy = floor_energy > p->log_floor ? floor_energy : p->log_floor;
        for (i = 0; i < filters; i++) {
            energies[i] = logf(energies[i] > floor_energy ? energies[i] : floor_energy);
        }
        for (k = 0; k < coefficients; k++) {
            const float *basis = p->dct + k * filters;
            float sum = 0.0f;
            for (i = 0; i < filters; i++) {
                sum += basis[i] * energies[i];
            }
            row[k] = sum;
        }
    }
}
