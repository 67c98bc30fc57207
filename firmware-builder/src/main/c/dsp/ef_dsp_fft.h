/* Real FFT for the DSP blocks: radix-2, in place, float32, no allocation.
 *
 * An n-point real FFT runs as an n/2-point complex FFT of the even/odd samples packed as complex numbers
 * (iterative decimation in time after a bit-reversal permutation: the first two stages together without a multiply,
 * their twiddles being 1 and -i, the others in fused pairs so each group of four points is loaded and stored once
 * per two stages, the last alone when their count is odd), followed by the split step that separates the two
 * interleaved spectra. Sign convention: X[k] = sum x[t] exp(-2 pi i k t / n).
 *
 * The tables are const data emitted by the Java code generator (DspCodeGenerator), never computed on the device:
 *   twiddles[2k] = cos(2 pi k / n), twiddles[2k+1] = sin(2 pi k / n), k < n/2     (n floats)
 *   bitrev[i]    = i with its log2(n/2) bits reversed, i < n/2                     (n/2 entries)
 * The complex FFT of size n/2 uses every other twiddle of the same table. */
#ifndef EF_DSP_FFT_H
#define EF_DSP_FFT_H

#include <stdint.h>

typedef struct {
    uint32_t length;        /* n: a power of two, at least 8 */
    const float *twiddles;  /* n floats, see above */
    const uint16_t *bitrev; /* n/2 entries, see above */
} ef_rfft_plan;

/* In place. Output packed: data[0] = X[0], data[1] = X[n/2] (both real), data[2k], data[2k+1] = Re, Im X[k]
 * for 0 < k < n/2. */
void ef_rfft(const ef_rfft_plan *plan, float *data);

/* Runs ef_rfft, then leaves the power spectrum |X[k]|^2 / n in data[0..n/2] (in place). */
void ef_rfft_power(const ef_rfft_plan *plan, float *data);

#endif
