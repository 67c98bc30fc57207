#include "ef_dsp_fft.h"

void ef_rfft(const ef_rfft_plan *plan, float *data)
{
    const uint32_t n = plan->length;
    const uint32_t m = n / 2; /* complex points */
    const float *tw = plan->twiddles;
    uint32_t i;
    uint32_t j;
    uint32_t len;
    uint32_t k;

    for (i = 0; i < m; i++) {
        j = plan->bitrev[i];
        if (j > i) {
            float re = data[2 * i];
            float im = data[2 * i + 1];
            data[2 * i] = data[2 * j];
            data[2 * i + 1] = data[2 * j + 1];
            data[2 * j] = re;
            data[2 * j + 1] = im;
        }
    }

    for (len = 2; len <= m; len <<= 1) {
        const uint32_t half = len / 2;
        const uint32_t step = n / len; /* W_len^j = W_n^(j * n / len) */
        for (i = 0; i < m; i += len) {
            for (j = 0; j < half; j++) {
                const float wr = tw[2 * j * step];
                const float wi = -tw[2 * j * step + 1];
                float *a = &data[2 * (i + j)];
                float *b = &data[2 * (i + j + half)];
                const float vr = b[0] * wr - b[1] * wi;
                const float vi = b[0] * wi + b[1] * wr;
                b[0] = a[0] - vr;
                b[1] = a[1] - vi;
                a[0] = a[0] + vr;
                a[1] = a[1] + vi;
            }
        }
    }

    /* Split: with Z the FFT of z[t] = x[2t] + i x[2t+1], E[k] = (Z[k] + conj Z[m-k]) / 2 and
     * O[k] = (Z[k] - conj Z[m-k]) / 2i are the spectra of the even and odd samples; X[k] = E[k] + W^k O[k] and
     * X[m-k] = conj(E[k] - W^k O[k]). */
    {
        const float z0r = data[0];
        const float z0i = data[1];
        data[0] = z0r + z0i;
        data[1] = z0r - z0i;
    }
    for (k = 1; k < m / 2; k++) {
        const uint32_t k2 = m - k;
        const float ar = data[2 * k];
        const float ai = data[2 * k + 1];
        const float br = data[2 * k2];
        const float bi = data[2 * k2 + 1];
        const float er = 0.5f * (ar + br);
        const float ei = 0.5f * (ai - bi);
        const float orr = 0.5f * (ai + bi);
        const float oi = -0.5f * (ar - br);
        const float wr = tw[2 * k];
        const float wi = -tw[2 * k + 1];
        const float tr = wr * orr - wi * oi;
        const float ti = wr * oi + wi * orr;
        data[2 * k] = er + tr;
        data[2 * k + 1] = ei + ti;
        data[2 * k2] = er - tr;
        data[2 * k2 + 1] = ti - ei;
    }
    /* k = m/2 pairs with itself: X[m/2] = conj Z[m/2] */
    data[m + 1] = -data[m + 1];
}

void ef_rfft_power(const ef_rfft_plan *plan, float *data)
{
    const uint32_t n = plan->length;
    const uint32_t m = n / 2;
    const float scale = 1.0f / (float)n;
    float nyquist;
    uint32_t k;

    ef_rfft(plan, data);
    nyquist = data[1];
    data[0] = data[0] * data[0] * scale;
    /* bin k reads slots 2k, 2k+1 >= k, so writing slot k never clobbers an unread bin */
    for (k = 1; k < m; k++) {
        const float re = data[2 * k];
        const float im = data[2 * k + 1];
        data[k] = (re * re + im * im) * scale;
    }
    data[m] = nyquist * nyquist * scale;
}
