#include "ef_dsp_fft.h"

/* Swaps the complex points at i and j. */
static void swap_points(float *data, uint32_t i, uint32_t j)
{
    const float re = data[2u * i];
    const float im = data[2u * i + 1u];
    data[2u * i] = data[2u * j];
    data[2u * i + 1u] = data[2u * j + 1u];
    data[2u * j] = re;
    data[2u * j + 1u] = im;
}

/* The first two radix-2 stages (butterfly sizes 2 and 4) fused: their twiddles are 1 and -i, so no multiply. */
static void first_stages(float *data, uint32_t m)
{
    uint32_t i;
    for (i = 0; i < m; i += 4u) {
        float *x = data + 2u * i;
        const float a0r = x[0] + x[2];
        const float a0i = x[1] + x[3];
        const float a1r = x[0] - x[2];
        const float a1i = x[1] - x[3];
        const float a2r = x[4] + x[6];
        const float a2i = x[5] + x[7];
        const float a3r = x[4] - x[6];
        const float a3i = x[5] - x[7];
        x[0] = a0r + a2r;
        x[1] = a0i + a2i;
        x[4] = a0r - a2r;
        x[5] = a0i - a2i;
        /* (-i) a3 = a3i - i a3r */
        x[2] = a1r + a3i;
        x[3] = a1i - a3r;
        x[6] = a1r - a3i;
        x[7] = a1i + a3r;
    }
}

/* Two radix-2 stages fused (butterfly sizes 2q and 4q): each group of four points (j, j+q, j+2q, j+3q) is loaded
 * once, and each twiddle once per j. W2 = W_2q^j, W4 = W_4q^j; the second stage's other twiddle is -i W4. */
static void two_stages(float *data, uint32_t m, uint32_t q, const float *tw, uint32_t n)
{
    const uint32_t step4 = n / (4u * q); /* W_4q^j = W_n^(j * step4) */
    uint32_t i;
    uint32_t j;
    for (j = 0; j < q; j++) {
        const float w2r = tw[4u * j * step4];
        const float w2i = -tw[4u * j * step4 + 1u];
        const float w4r = tw[2u * j * step4];
        const float w4i = -tw[2u * j * step4 + 1u];
        for (i = j; i < m; i += 4u * q) {
            float *x0 = data + 2u * i;
            float *x1 = x0 + 2u * q;
            float *x2 = x1 + 2u * q;
            float *x3 = x2 + 2u * q;
            const float x0r = x0[0];
            const float x0i = x0[1];
            const float x1r = x1[0];
            const float x1i = x1[1];
            const float x2r = x2[0];
            const float x2i = x2[1];
            const float x3r = x3[0];
            const float x3i = x3[1];
            /* first stage: (x0, x1) and (x2, x3) with W2 */
            const float v1r = x1r * w2r - x1i * w2i;
            const float v1i = x1r * w2i + x1i * w2r;
            const float v3r = x3r * w2r - x3i * w2i;
            const float v3i = x3r * w2i + x3i * w2r;
            const float a0r = x0r + v1r;
            const float a0i = x0i + v1i;
            const float a1r = x0r - v1r;
            const float a1i = x0i - v1i;
            const float a2r = x2r + v3r;
            const float a2i = x2i + v3i;
            const float a3r = x2r - v3r;
            const float a3i = x2i - v3i;
            /* second stage: (a0, a2) with W4, (a1, a3) with -i W4 */
            const float t2r = a2r * w4r - a2i * w4i;
            const float t2i = a2r * w4i + a2i * w4r;
            const float t3r = a3r * w4r - a3i * w4i;
            const float t3i = a3r * w4i + a3i * w4r;
            x0[0] = a0r + t2r;
            x0[1] = a0i + t2i;
            x2[0] = a0r - t2r;
            x2[1] = a0i - t2i;
            /* -i t3 = t3i - i t3r */
            x1[0] = a1r + t3i;
            x1[1] = a1i - t3r;
            x3[0] = a1r - t3i;
            x3[1] = a1i + t3r;
        }
    }
}

/* One radix-2 stage of butterfly size 2h. */
static void one_stage(float *data, uint32_t m, uint32_t h, const float *tw, uint32_t n)
{
    const uint32_t step = n / (2u * h); /* W_2h^j = W_n^(j * step) */
    uint32_t i;
    uint32_t j;
    for (j = 0; j < h; j++) {
        const float wr = tw[2u * j * step];
        const float wi = -tw[2u * j * step + 1u];
        for (i = j; i < m; i += 2u * h) {
            float *a = data + 2u * i;
            float *b = a + 2u * h;
            const float ar = a[0];
            const float ai = a[1];
            const float br = b[0];
            const float bi = b[1];
            const float vr = br * wr - bi * wi;
            const float vi = br * wi + bi * wr;
            a[0] = ar + vr;
            a[1] = ai + vi;
            b[0] = ar - vr;
            b[1] = ai - vi;
        }
    }
}

void ef_rfft(const ef_rfft_plan *plan, float *data)
{
    const uint32_t n = plan->length;
    const uint32_t m = n / 2; /* complex points */
    const float *tw = plan->twiddles;
    uint32_t i;
    uint32_t h;
    uint32_t k;

    for (i = 0; i < m; i++) {
        const uint32_t j = plan->bitrev[i];
        if (j > i) {
            swap_points(data, i, j);
        }
    }

    /* Decimation in time, the stages in pairs (fewer loads, stores and loop rounds), the last alone when
     * log2(m) is odd. */
    h = 1u;
    if (m >= 4u) {
        first_stages(data, m);
        h = 4u;
        while (4u * h <= m) {
            two_stages(data, m, h, tw, n);
            h *= 4u;
        }
    }
    if (2u * h <= m) {
        one_stage(data, m, h, tw, n);
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
