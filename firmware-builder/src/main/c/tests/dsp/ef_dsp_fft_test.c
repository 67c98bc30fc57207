/* Host test of the real FFT: for every length 8..4096, ef_rfft against a direct DFT in double on random input.
 * The tables are computed here with libm as the Java generator would emit them (test code only). Exit 0 = pass. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ef_dsp_fft.h"

#define MAX_N 4096

static float twiddles[MAX_N];
static uint16_t bitrev[MAX_N / 2];
static float data[MAX_N];
static double input[MAX_N];

static void make_plan(ef_rfft_plan *plan, uint32_t n)
{
    const double pi = 3.14159265358979323846;
    uint32_t m = n / 2;
    uint32_t bits = 0;
    uint32_t i;
    uint32_t b;
    while ((1u << bits) < m) {
        bits++;
    }
    for (i = 0; i < m; i++) {
        twiddles[2 * i] = (float)cos(2.0 * pi * i / n);
        twiddles[2 * i + 1] = (float)sin(2.0 * pi * i / n);
        bitrev[i] = 0;
        for (b = 0; b < bits; b++) {
            if (i & (1u << b)) {
                bitrev[i] |= (uint16_t)(1u << (bits - 1u - b));
            }
        }
    }
    plan->length = n;
    plan->twiddles = twiddles;
    plan->bitrev = bitrev;
}

int main(void)
{
    const double pi = 3.14159265358979323846;
    uint32_t n;
    int failures = 0;
    srand(12345);
    for (n = 8; n <= MAX_N; n *= 2) {
        ef_rfft_plan plan;
        double worst = 0.0;
        double peak = 0.0;
        uint32_t i;
        uint32_t k;
        make_plan(&plan, n);
        for (i = 0; i < n; i++) {
            input[i] = (double)rand() / RAND_MAX * 2.0 - 1.0;
            data[i] = (float)input[i];
        }
        ef_rfft(&plan, data);
        for (k = 0; k <= n / 2; k++) {
            double re = 0.0;
            double im = 0.0;
            double got_re;
            double got_im;
            for (i = 0; i < n; i++) {
                re += (double)(float)input[i] * cos(2.0 * pi * k * i / n);
                im -= (double)(float)input[i] * sin(2.0 * pi * k * i / n);
            }
            got_re = k == 0 ? data[0] : (k == n / 2 ? data[1] : data[2 * k]);
            got_im = (k == 0 || k == n / 2) ? 0.0 : data[2 * k + 1];
            worst = fmax(worst, fmax(fabs(got_re - re), fabs(got_im - im)));
            peak = fmax(peak, fmax(fabs(re), fabs(im)));
        }
        if (worst > 1e-5 * peak) {
            printf("FAIL n=%u: max abs error %g against peak %g\n", (unsigned)n, worst, peak);
            failures++;
        }
    }
    printf("%d passed, %d failed\n", 10 - failures, failures);
    return failures == 0 ? 0 : 1;
}
