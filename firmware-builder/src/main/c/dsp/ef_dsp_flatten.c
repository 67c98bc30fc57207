#include "ef_dsp_flatten.h"

#include <math.h>

/* Values read at a time (on the stack): the block needs no scratch whatever the window's length. */
#define FLATTEN_CHUNK 32u

void ef_dsp_flatten(const ef_dsp_flatten_params *p, const void *signal, float *out)
{
    const uint32_t axes = p->axis_count;
    const uint32_t n = p->sample_count;
    const float count = (float)n;
    uint32_t a;
    float chunk[FLATTEN_CHUNK];
    uint32_t i;
    uint32_t j;
    uint32_t o = 0;

    for (a = 0; a < axes; a++) {
        float sum = 0.0f;
        float sum_sq = 0.0f;
        float min;
        float max;
        float mean;
        float m2 = 0.0f;
        float m3 = 0.0f;
        float m4 = 0.0f;
        float stdev;
        float peak;
        int flat;

        p->read(signal, a, axes, 1u, p->scale, &min);
        max = min;
        for (i = 0; i < n; i += FLATTEN_CHUNK) {
            const uint32_t m = n - i < FLATTEN_CHUNK ? n - i : FLATTEN_CHUNK;
            p->read(signal, i * axes + a, axes, m, p->scale, chunk);
            for (j = 0; j < m; j++) {
                const float s = chunk[j];
                sum += s;
                sum_sq += s * s;
                min = s < min ? s : min;
                max = s > max ? s : max;
            }
        }
        mean = sum / count;
        for (i = 0; i < n; i += FLATTEN_CHUNK) {
            const uint32_t m = n - i < FLATTEN_CHUNK ? n - i : FLATTEN_CHUNK;
            p->read(signal, i * axes + a, axes, m, p->scale, chunk);
            for (j = 0; j < m; j++) {
                const float d = chunk[j] - mean;
                const float d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
        }
        m2 /= count;
        m3 /= count;
        m4 /= count;
        stdev = sqrtf(m2);
        peak = fabsf(min) > fabsf(max) ? fabsf(min) : fabsf(max);
        flat = stdev <= 1e-5f * peak || m2 == 0.0f;

        if (p->stats & EF_DSP_FLATTEN_AVERAGE) {
            out[o++] = mean;
        }
        if (p->stats & EF_DSP_FLATTEN_MINIMUM) {
            out[o++] = min;
        }
        if (p->stats & EF_DSP_FLATTEN_MAXIMUM) {
            out[o++] = max;
        }
        if (p->stats & EF_DSP_FLATTEN_RMS) {
            out[o++] = sqrtf(sum_sq / count);
        }
        if (p->stats & EF_DSP_FLATTEN_STDEV) {
            out[o++] = stdev;
        }
        if (p->stats & EF_DSP_FLATTEN_SKEWNESS) {
            out[o++] = flat ? 0.0f : m3 / m2 / stdev;
        }
        if (p->stats & EF_DSP_FLATTEN_KURTOSIS) {
            out[o++] = flat ? 0.0f : m4 / m2 / m2 - 3.0f;
        }
    }
}
