#include "ef_dsp_spectral.h"

#include <math.h>

static float spectral_value(const ef_dsp_spectral_params *p, float power, float floor_power)
{
    return p->log_output ? log10f(power > floor_power ? power : floor_power) : power;
}

static int is_peak(const float *hold, uint32_t k, uint32_t half, float threshold)
{
    const float v = hold[k];
    if (k > 1u && !(v > hold[k - 1u])) {
        return 0;
    }
    if (k < half && !(v >= hold[k + 1u])) {
        return 0;
    }
    return v >= threshold && v > 0.0f;
}

/* The peak_count strongest local maxima (ties: lower bin first), written as (Hz, power) in increasing frequency. */
static void spectral_peaks(const ef_dsp_spectral_params *p, const float *hold, float pmax, float floor_power,
                           float *out)
{
    const uint32_t half = p->fft.length / 2u;
    const float threshold = p->peak_threshold * pmax;
    float last_power = INFINITY;
    uint32_t last_bin = 0;
    uint32_t found = 0;
    uint32_t i;
    uint32_t k;

    /* selection by repeated scans: no scratch needed, peak_count is small */
    for (i = 0; i < p->peak_count; i++) {
        uint32_t best = 0;
        for (k = 1; k <= half; k++) {
            const float v = hold[k];
            if (!is_peak(hold, k, half, threshold)) {
                continue;
            }
            if (!(v < last_power || (v == last_power && k > last_bin))) {
                continue; /* already chosen, or ranked before the last choice */
            }
            if (best == 0u || v > hold[best]) {
                best = k;
            }
        }
        if (best == 0u) {
            break;
        }
        out[2u * found] = (float)best;
        found++;
        last_power = hold[best];
        last_bin = best;
    }
    /* insertion sort of the chosen bins by frequency */
    for (i = 1; i < found; i++) {
        const float bin = out[2u * i];
        uint32_t j = i;
        while (j > 0u && out[2u * (j - 1u)] > bin) {
            out[2u * j] = out[2u * (j - 1u)];
            j--;
        }
        out[2u * j] = bin;
    }
    for (i = 0; i < p->peak_count; i++) {
        if (i < found) {
            const uint32_t bin = (uint32_t)out[2u * i];
            out[2u * i] = (float)bin * p->bin_hz;
            out[2u * i + 1u] = spectral_value(p, hold[bin], floor_power);
        } else {
            out[2u * i] = 0.0f;
            out[2u * i + 1u] = spectral_value(p, floor_power, floor_power);
        }
    }
}

void ef_dsp_spectral(const ef_dsp_spectral_params *p, const void *signal, float *scratch, float *out)
{
    const uint32_t axes = p->axis_count;
    const uint32_t n = p->sample_count;
    const uint32_t fft_length = p->fft.length;
    const uint32_t half = fft_length / 2u;
    const uint32_t per_axis = EF_DSP_SPECTRAL_FEATURES_PER_AXIS(fft_length, p->peak_count);
    float *x = scratch;
    float *buf = scratch + n;
    float *hold = buf + fft_length;
    uint32_t a;
    uint32_t i;
    uint32_t s;
    uint32_t k;

    for (a = 0; a < axes; a++) {
        float *o = out + a * per_axis;
        float sum = 0.0f;
        float mean;
        float m2 = 0.0f;
        float m3 = 0.0f;
        float m4 = 0.0f;
        float pmax = 0.0f;
        float floor_power;

        p->read(signal, a, axes, n, p->scale, x);
        for (s = 0; s < p->section_count; s++) {
            const float *c = p->sections + 5u * s;
            float s1 = 0.0f;
            float s2 = 0.0f;
            for (i = 0; i < n; i++) {
                const float in = x[i];
                const float y = c[0] * in + s1;
                s1 = c[1] * in - c[3] * y + s2;
                s2 = c[2] * in - c[4] * y;
                x[i] = y;
            }
        }
        for (i = 0; i < n; i++) {
            sum += x[i];
        }
        mean = sum / (float)n;
        for (i = 0; i < n; i++) {
            x[i] = x[i] - mean;
        }

        for (i = 0; i < n; i++) {
            const float d2 = x[i] * x[i];
            m2 += d2;
            m3 += d2 * x[i];
            m4 += d2 * d2;
        }
        m2 /= (float)n;
        m3 /= (float)n;
        m4 /= (float)n;
        o[0] = sqrtf(m2);
        o[1] = m2 > 1e-30f ? m3 / m2 / sqrtf(m2) : 0.0f;
        o[2] = m2 > 1e-30f ? m4 / m2 / m2 - 3.0f : 0.0f;

        for (s = 0; s < p->segment_count; s++) {
            const float *seg = x + s * p->hop;
            for (i = 0; i < p->segment_length; i++) {
                buf[i] = seg[i] * p->taper[i];
            }
            for (; i < fft_length; i++) {
                buf[i] = 0.0f;
            }
            ef_rfft_power(&p->fft, buf);
            for (k = 1; k <= half; k++) {
                hold[k] = (s == 0u || buf[k] > hold[k]) ? buf[k] : hold[k];
            }
        }
        for (k = 1; k <= half; k++) {
            pmax = hold[k] > pmax ? hold[k] : pmax;
        }
        floor_power = pmax * p->relative_floor;
        floor_power = floor_power > p->absolute_floor ? floor_power : p->absolute_floor;
        for (k = 1; k <= half; k++) {
            o[2u + k] = spectral_value(p, hold[k], floor_power);
        }
        spectral_peaks(p, hold, pmax, floor_power, o + 3u + half);
    }
}
