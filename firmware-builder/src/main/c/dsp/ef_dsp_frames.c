#include "ef_dsp_frames.h"

void ef_dsp_frame_power(const ef_dsp_frames_params *p, const float *signal, uint32_t frame, float *buf)
{
    const uint32_t start = frame * p->frame_stride;
    const uint32_t n = p->fft.length;
    uint32_t j;

    for (j = 0; j < p->fft_input_length; j++) {
        const uint32_t i = start + j;
        float v = signal[i] * p->input_scale;
        if (p->pre_emphasis != 0.0f && i > 0u) {
            v -= p->pre_emphasis * (signal[i - 1u] * p->input_scale);
        }
        buf[j] = p->window ? v * p->window[j] : v;
    }
    for (; j < n; j++) {
        buf[j] = 0.0f;
    }
    ef_rfft_power(&p->fft, buf);
}

void ef_dsp_mel_energies(const ef_dsp_mel_filters *f, const float *power, float *energies)
{
    const float *w = f->weights;
    uint32_t i;
    uint32_t j;

    for (i = 0; i < f->filter_count; i++) {
        const float *bins = power + f->starts[i];
        float sum = 0.0f;
        for (j = 0; j < f->lengths[i]; j++) {
            sum += w[j] * bins[j];
        }
        energies[i] = sum;
        w += f->lengths[i];
    }
}
