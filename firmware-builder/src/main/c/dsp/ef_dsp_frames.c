#include "ef_dsp_frames.h"

void ef_dsp_frame_power(const ef_dsp_frames_params *p, const void *signal, uint32_t frame, float *buf)
{
    const uint32_t start = frame * p->frame_stride;
    const uint32_t n = p->fft.length;
    const uint32_t count = p->fft_input_length;
    uint32_t j;

    p->read(signal, start, 1u, count, p->input_scale, buf);
    if (p->pre_emphasis != 0.0f) {
        /* y[i] = x[i] - c x[i-1], backwards so x[i-1] is still unchanged (y[0] = x[0] at the signal's start), then
         * the taper, in the same pass */
        const float c = p->pre_emphasis;
        float first = buf[0];
        if (start > 0u) {
            float previous;
            p->read(signal, start - 1u, 1u, 1u, p->input_scale, &previous);
            first -= c * previous;
        }
        if (p->window) {
            const float *w = p->window;
            for (j = count - 1u; j > 0u; j--) {
                buf[j] = (buf[j] - c * buf[j - 1u]) * w[j];
            }
            buf[0] = first * w[0];
        } else {
            for (j = count - 1u; j > 0u; j--) {
                buf[j] -= c * buf[j - 1u];
            }
            buf[0] = first;
        }
    } else if (p->window) {
        for (j = 0; j < count; j++) {
            buf[j] *= p->window[j];
        }
    }
    for (j = count; j < n; j++) {
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
