/*
 * Inner loops of the packed kernels' matrix multiplications (internal to kernels/cortex_m/): dot products of widened
 * 16-bit inputs (two words per block of 4 values, in SXTB16 order: values 0,2 then 1,3) with packed int8 weights
 * (one word per block and channel), accumulated with SMLAD.
 *
 * The loops are written in assembly because their cost is the cost of the network: with 13 live values (four
 * accumulators, both unpacked weight words, one input pair, three pointers) the compiler spills or counts an index
 * beside the pointers; here each block is one LDRD of weights, two LDRD of inputs, four SXTB16 and eight SMLAD, and
 * the loop is unrolled twice.
 */
#ifndef EF_GEMM_H
#define EF_GEMM_H

#include <stdint.h>
#include "ef_simd.h"

/* One block of the 2x2 tile: weights of channels c0, c1 (one LDRD), pixel 0 then pixel 1 inputs. */
#define EF_GEMM_2X2_BLOCK                                   \
    "ldrd   %[w0], %[w1], [%[w]], #8\n\t"                   \
    "ldrd   %[xe], %[xo], [%[x]], #8\n\t"                   \
    "sxtb16 %[t0], %[w0]\n\t"                               \
    "sxtb16 %[w0], %[w0], ror #8\n\t"                       \
    "sxtb16 %[t1], %[w1]\n\t"                               \
    "sxtb16 %[w1], %[w1], ror #8\n\t"                       \
    "smlad  %[a00], %[xe], %[t0], %[a00]\n\t"               \
    "smlad  %[a00], %[xo], %[w0], %[a00]\n\t"               \
    "smlad  %[a01], %[xe], %[t1], %[a01]\n\t"               \
    "smlad  %[a01], %[xo], %[w1], %[a01]\n\t"               \
    "ldrd   %[xe], %[xo], [%[x]], #8\n\t"                   \
    "smlad  %[a10], %[xe], %[t0], %[a10]\n\t"               \
    "smlad  %[a10], %[xo], %[w0], %[a10]\n\t"               \
    "smlad  %[a11], %[xe], %[t1], %[a11]\n\t"               \
    "smlad  %[a11], %[xo], %[w1], %[a11]\n\t"

/*
 * Two pixels times two channels over `blocks` (>= 1) blocks: x holds the pixels interleaved per block (pixel 0's two
 * words, then pixel 1's), *w the two channels' words per block; acc is {p0c0, p0c1, p1c0, p1c1}. Advances *w.
 */
static inline void ef_gemm_2x2(const ef_word *x, const ef_word **w, int32_t blocks, int32_t acc[4])
{
    int32_t a00 = acc[0];
    int32_t a01 = acc[1];
    int32_t a10 = acc[2];
    int32_t a11 = acc[3];
    const ef_word *wp = *w;
    const ef_word *end = x + 4 * blocks;
    int32_t w0;
    int32_t w1;
    int32_t t0;
    int32_t t1;
    int32_t xe;
    int32_t xo;
    if (blocks & 1) {
        __asm__ volatile(EF_GEMM_2X2_BLOCK
                         : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [x] "+r"(x),
                           [w] "+r"(wp), [w0] "=&r"(w0), [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1),
                           [xe] "=&r"(xe), [xo] "=&r"(xo)
                         :
                         : "memory");
    }
    if (x != end) {
        __asm__ volatile("1:\n\t" EF_GEMM_2X2_BLOCK EF_GEMM_2X2_BLOCK
                         "cmp    %[x], %[end]\n\t"
                         "bne    1b\n\t"
                         : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [x] "+r"(x),
                           [w] "+r"(wp), [w0] "=&r"(w0), [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1),
                           [xe] "=&r"(xe), [xo] "=&r"(xo)
                         : [end] "r"(end)
                         : "cc", "memory");
    }
    *w = wp;
    acc[0] = a00;
    acc[1] = a01;
    acc[2] = a10;
    acc[3] = a11;
}

/* One block of the 1x2 tile: weights of channels c0, c1, then the pixel's inputs. */
#define EF_GEMM_1X2_BLOCK                                   \
    "ldrd   %[w0], %[w1], [%[w]], #8\n\t"                   \
    "ldrd   %[xe], %[xo], [%[x]], #8\n\t"                   \
    "sxtb16 %[t0], %[w0]\n\t"                               \
    "sxtb16 %[w0], %[w0], ror #8\n\t"                       \
    "sxtb16 %[t1], %[w1]\n\t"                               \
    "sxtb16 %[w1], %[w1], ror #8\n\t"                       \
    "smlad  %[a0], %[xe], %[t0], %[a0]\n\t"                 \
    "smlad  %[a0], %[xo], %[w0], %[a0]\n\t"                 \
    "smlad  %[a1], %[xe], %[t1], %[a1]\n\t"                 \
    "smlad  %[a1], %[xo], %[w1], %[a1]\n\t"

/* One pixel (two words per block) times two channels; acc is {c0, c1}. Advances *w. */
static inline void ef_gemm_1x2(const ef_word *x, const ef_word **w, int32_t blocks, int32_t acc[2])
{
    int32_t a0 = acc[0];
    int32_t a1 = acc[1];
    const ef_word *wp = *w;
    const ef_word *end = x + 2 * blocks;
    int32_t w0;
    int32_t w1;
    int32_t t0;
    int32_t t1;
    int32_t xe;
    int32_t xo;
    if (blocks & 1) {
        __asm__ volatile(EF_GEMM_1X2_BLOCK
                         : [a0] "+r"(a0), [a1] "+r"(a1), [x] "+r"(x), [w] "+r"(wp), [w0] "=&r"(w0),
                           [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1), [xe] "=&r"(xe), [xo] "=&r"(xo)
                         :
                         : "memory");
    }
    if (x != end) {
        __asm__ volatile("1:\n\t" EF_GEMM_1X2_BLOCK EF_GEMM_1X2_BLOCK
                         "cmp    %[x], %[end]\n\t"
                         "bne    1b\n\t"
                         : [a0] "+r"(a0), [a1] "+r"(a1), [x] "+r"(x), [w] "+r"(wp), [w0] "=&r"(w0),
                           [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1), [xe] "=&r"(xe), [xo] "=&r"(xo)
                         : [end] "r"(end)
                         : "cc", "memory");
    }
    *w = wp;
    acc[0] = a0;
    acc[1] = a1;
}

/* Pixels times one channel (the odd last channel): `pixels` (1 or 2) interleaved per block as for the tiles above,
 * one weight word per block. acc has `pixels` entries. Advances *w. */
static inline void ef_gemm_nx1(const ef_word *x, const ef_word **w, int32_t blocks, int32_t pixels, int32_t *acc)
{
    const ef_word *wp = *w;
    for (int32_t p = 0; p < pixels; ++p) {
        int32_t a = acc[p];
        const ef_word *xp = x + 2 * p;
        for (int32_t b = 0; b < blocks; ++b) {
            const int32_t wv = wp[b];
            a = __smlad(xp[0], __sxtb16(wv), a);
            a = __smlad(xp[1], ef_sxtb16_ror8(wv), a);
            xp += 2 * pixels;
        }
        acc[p] = a;
    }
    *w = wp + blocks;
}

#endif /* EF_GEMM_H */
