/*
 * The matrix multiplications of the packed CONV_2D and FULLY_CONNECTED kernels (internal to kernels/cortex_m/): one
 * or two widened pixels (16-bit doubled values, two words per block of 4 in SXTB16 order: values 0,2 then 1,3; two
 * pixels interleaved block by block) times every output channel of the packed stream of conv2d_packed.h, with the
 * requantization fused.
 *
 * The loops over channel pairs are written in assembly because their cost is the cost of the network: per block one
 * LDRD of weights (both channels), two LDRD of inputs (one per pixel), four SXTB16 and eight SMLAD, unrolled twice
 * (the patch stride is a multiple of 8); per pair two LDRD of biases, then SMMLAR, the sign bit, the shift and SSAT
 * per output with the constants read from the stream. All 14 general registers are in use; the values the loop needs
 * once per pair live in an ef_gemm_context.
 */
#ifndef EF_GEMM_H
#define EF_GEMM_H

#include <stdint.h>
#include "ef_simd.h"

/* What the pair loops read once per pair (field offsets are used by the assembly). */
typedef struct {
    const ef_word *x;     /* 0: the widened pixels */
    const ef_word *x_end; /* 4: one past them */
    const ef_word *w_end; /* 8: the end of the channel pairs in the stream */
    int8_t *out0;         /* 12: where the next pair's outputs go, pixel 0 */
    int8_t *out1;         /* 16: and pixel 1 */
} ef_gemm_context;

/* Hand-scheduled assembly, one instruction per line: clang-format would fold it. */
// clang-format off
#define EF_GEMM_2PX_BLOCK                                                                                              \
    "ldrd   %[w0], %[w1], [%[w]], #8\n\t"                                                                              \
    "ldrd   %[xe], %[xo], [%[x]], #8\n\t"                                                                              \
    "sxtb16 %[t0], %[w0]\n\t"                                                                                          \
    "sxtb16 %[w0], %[w0], ror #8\n\t"                                                                                  \
    "sxtb16 %[t1], %[w1]\n\t"                                                                                          \
    "sxtb16 %[w1], %[w1], ror #8\n\t"                                                                                  \
    "smlad  %[a00], %[xe], %[t0], %[a00]\n\t"                                                                          \
    "smlad  %[a00], %[xo], %[w0], %[a00]\n\t"                                                                          \
    "smlad  %[a01], %[xe], %[t1], %[a01]\n\t"                                                                          \
    "smlad  %[a01], %[xo], %[w1], %[a01]\n\t"                                                                          \
    "ldrd   %[xe], %[xo], [%[x]], #8\n\t"                                                                              \
    "smlad  %[a10], %[xe], %[t0], %[a10]\n\t"                                                                          \
    "smlad  %[a10], %[xo], %[w0], %[a10]\n\t"                                                                          \
    "smlad  %[a11], %[xe], %[t1], %[a11]\n\t"                                                                          \
    "smlad  %[a11], %[xo], %[w1], %[a11]\n\t"

/* Requantizes accumulators p0 and p1 (one channel, both pixels) with multiplier m, rounding r and shift s into
 * the bytes at [o0 + offset] and [o1 + offset]; clobbers xe and xo. */
#define EF_GEMM_REQUANT_2PX(p0, p1, m, r, s, offset)                                                                   \
    "smmlar %[xe], %[" p0 "], %[" m "], %[" r "]\n\t"                                                                  \
    "smmlar %[xo], %[" p1 "], %[" m "], %[" r "]\n\t"                                                                  \
    "add    %[xe], %[xe], %[" p0 "], asr #31\n\t"                                                                      \
    "add    %[xo], %[xo], %[" p1 "], asr #31\n\t"                                                                      \
    "asr    %[xe], %[xe], %[" s "]\n\t"                                                                                \
    "asr    %[xo], %[xo], %[" s "]\n\t"                                                                                \
    "ssat   %[xe], #8, %[xe]\n\t"                                                                                      \
    "ssat   %[xo], #8, %[xo]\n\t"                                                                                      \
    "strb   %[xe], [%[x], #" offset "]\n\t"                                                                            \
    "strb   %[xo], [%[x_end], #" offset "]\n\t"
// clang-format on

/*
 * Two pixels times every pair of output channels of the stream at *w (at least one pair). Writes two outputs per
 * pair at context->out0 and out1 and advances them, leaves *w after the pairs.
 */
static inline void ef_gemm_pairs_2px(ef_gemm_context *context, const ef_word **w)
{
    const ef_word *wp = *w;
    int32_t a00;
    int32_t a01;
    int32_t a10;
    int32_t a11;
    int32_t x;
    int32_t x_end;
    int32_t w0;
    int32_t w1;
    int32_t t0;
    int32_t t1;
    int32_t xe;
    int32_t xo;
    /* Hand-scheduled assembly, one instruction per line: clang-format would fold it. */
    // clang-format off
    __asm__ volatile(
        "0:\n\t"
        "ldrd   %[a00], %[a01], [%[w]], #8\n\t"
        "mov    %[a10], %[a00]\n\t"
        "mov    %[a11], %[a01]\n\t"
        "ldrd   %[x], %[x_end], [%[c], #0]\n\t"
        "1:\n\t" EF_GEMM_2PX_BLOCK EF_GEMM_2PX_BLOCK
        "cmp    %[x], %[x_end]\n\t"
        "bne    1b\n\t"
        "ldrd   %[w0], %[w1], [%[w]], #8\n\t"
        "ldr    %[t1], [%[w], #8]\n\t"
        "uxtb   %[t0], %[t1]\n\t"
        "ldrd   %[x], %[x_end], [%[c], #12]\n\t"
        EF_GEMM_REQUANT_2PX("a00", "a10", "w0", "w1", "t0", "0")
        "ldrd   %[w0], %[w1], [%[w]], #12\n\t"
        "ubfx   %[t0], %[t1], #8, #8\n\t"
        EF_GEMM_REQUANT_2PX("a01", "a11", "w0", "w1", "t0", "1")
        "add    %[x], %[x], #2\n\t"
        "add    %[x_end], %[x_end], #2\n\t"
        "strd   %[x], %[x_end], [%[c], #12]\n\t"
        "ldr    %[t0], [%[c], #8]\n\t"
        "cmp    %[w], %[t0]\n\t"
        "bne    0b\n\t"
        : [w] "+r"(wp), [a00] "=&r"(a00), [a01] "=&r"(a01), [a10] "=&r"(a10), [a11] "=&r"(a11), [x] "=&r"(x),
          [x_end] "=&r"(x_end), [w0] "=&r"(w0), [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1), [xe] "=&r"(xe),
          [xo] "=&r"(xo)
        : [c] "r"(context)
        : "cc", "memory");
    // clang-format on
    *w = wp;
}

#define EF_GEMM_1PX_BLOCK                                                                                              \
    "ldrd   %[w0], %[w1], [%[w]], #8\n\t"                                                                              \
    "ldrd   %[xe], %[xo], [%[x]], #8\n\t"                                                                              \
    "sxtb16 %[t0], %[w0]\n\t"                                                                                          \
    "sxtb16 %[w0], %[w0], ror #8\n\t"                                                                                  \
    "sxtb16 %[t1], %[w1]\n\t"                                                                                          \
    "sxtb16 %[w1], %[w1], ror #8\n\t"                                                                                  \
    "smlad  %[a0], %[xe], %[t0], %[a0]\n\t"                                                                            \
    "smlad  %[a0], %[xo], %[w0], %[a0]\n\t"                                                                            \
    "smlad  %[a1], %[xe], %[t1], %[a1]\n\t"                                                                            \
    "smlad  %[a1], %[xo], %[w1], %[a1]\n\t"

#define EF_GEMM_REQUANT_1PX(acc, m, r, s, offset)                                                                      \
    "smmlar %[xe], %[" acc "], %[" m "], %[" r "]\n\t"                                                                 \
    "add    %[xe], %[xe], %[" acc "], asr #31\n\t"                                                                     \
    "asr    %[xe], %[xe], %[" s "]\n\t"                                                                                \
    "ssat   %[xe], #8, %[xe]\n\t"                                                                                      \
    "strb   %[xe], [%[out], #" offset "]\n\t"

/* One pixel (two words per block) times every pair of output channels of the stream at *w (at least one pair),
 * two outputs per pair at context->out0, which it advances; leaves *w after the pairs. */
static inline void ef_gemm_pairs_1px(ef_gemm_context *context, const ef_word **w)
{
    const ef_word *wp = *w;
    int8_t *out = context->out0;
    int32_t a0;
    int32_t a1;
    int32_t x;
    int32_t x_end;
    int32_t w0;
    int32_t w1;
    int32_t t0;
    int32_t t1;
    int32_t xe;
    int32_t xo;
    /* Hand-scheduled assembly, one instruction per line: clang-format would fold it. */
    // clang-format off
    __asm__ volatile(
        "0:\n\t"
        "ldrd   %[a0], %[a1], [%[w]], #8\n\t"
        "ldrd   %[x], %[x_end], [%[c], #0]\n\t"
        "1:\n\t" EF_GEMM_1PX_BLOCK EF_GEMM_1PX_BLOCK
        "cmp    %[x], %[x_end]\n\t"
        "bne    1b\n\t"
        "ldrd   %[w0], %[w1], [%[w]], #8\n\t"
        "ldr    %[t1], [%[w], #8]\n\t"
        "uxtb   %[t0], %[t1]\n\t"
        EF_GEMM_REQUANT_1PX("a0", "w0", "w1", "t0", "0")
        "ldrd   %[w0], %[w1], [%[w]], #12\n\t"
        "ubfx   %[t0], %[t1], #8, #8\n\t"
        EF_GEMM_REQUANT_1PX("a1", "w0", "w1", "t0", "1")
        "add    %[out], %[out], #2\n\t"
        "ldr    %[t0], [%[c], #8]\n\t"
        "cmp    %[w], %[t0]\n\t"
        "bne    0b\n\t"
        : [w] "+r"(wp), [out] "+r"(out), [a0] "=&r"(a0), [a1] "=&r"(a1), [x] "=&r"(x), [x_end] "=&r"(x_end),
          [w0] "=&r"(w0), [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1), [xe] "=&r"(xe), [xo] "=&r"(xo)
        : [c] "r"(context)
        : "cc", "memory");
    // clang-format on
    context->out0 = out;
    *w = wp;
}

#define EF_GEMM_1PX_INT8_BLOCK                                                                                         \
    "ldr    %[xe], [%[x]], #4\n\t"                                                                                     \
    "ldrd   %[w0], %[w1], [%[w]], #8\n\t"                                                                              \
    "sxtb16 %[xo], %[xe], ror #8\n\t"                                                                                  \
    "sxtb16 %[xe], %[xe]\n\t"                                                                                          \
    "sxtb16 %[t0], %[w0]\n\t"                                                                                          \
    "sxtb16 %[w0], %[w0], ror #8\n\t"                                                                                  \
    "sxtb16 %[t1], %[w1]\n\t"                                                                                          \
    "sxtb16 %[w1], %[w1], ror #8\n\t"                                                                                  \
    "smlad  %[a0], %[xe], %[t0], %[a0]\n\t"                                                                            \
    "smlad  %[a0], %[xo], %[w0], %[a0]\n\t"                                                                            \
    "smlad  %[a1], %[xe], %[t1], %[a1]\n\t"                                                                            \
    "smlad  %[a1], %[xo], %[w1], %[a1]\n\t"

/*
 * One pixel read as int8 straight from its row (context->x to x_end, a multiple of 8 bytes) times every pair of
 * output channels: the input is unpacked per pair instead of widened once, so it needs no scratch. The biases are
 * halved (bias2 is even) and the sums doubled before requantizing. Two outputs per pair at context->out0.
 */
static inline void ef_gemm_pairs_1px_int8(ef_gemm_context *context, const ef_word **w)
{
    const ef_word *wp = *w;
    int8_t *out = context->out0;
    int32_t a0;
    int32_t a1;
    int32_t x;
    int32_t x_end;
    int32_t w0;
    int32_t w1;
    int32_t t0;
    int32_t t1;
    int32_t xe;
    int32_t xo;
    /* Hand-scheduled assembly, one instruction per line: clang-format would fold it. */
    // clang-format off
    __asm__ volatile(
        "0:\n\t"
        "ldrd   %[a0], %[a1], [%[w]], #8\n\t"
        "asr    %[a0], %[a0], #1\n\t"
        "asr    %[a1], %[a1], #1\n\t"
        "ldrd   %[x], %[x_end], [%[c], #0]\n\t"
        "1:\n\t" EF_GEMM_1PX_INT8_BLOCK EF_GEMM_1PX_INT8_BLOCK
        "cmp    %[x], %[x_end]\n\t"
        "bne    1b\n\t"
        "lsl    %[a0], %[a0], #1\n\t"
        "lsl    %[a1], %[a1], #1\n\t"
        "ldrd   %[w0], %[w1], [%[w]], #8\n\t"
        "ldr    %[t1], [%[w], #8]\n\t"
        "uxtb   %[t0], %[t1]\n\t"
        EF_GEMM_REQUANT_1PX("a0", "w0", "w1", "t0", "0")
        "ldrd   %[w0], %[w1], [%[w]], #12\n\t"
        "ubfx   %[t0], %[t1], #8, #8\n\t"
        EF_GEMM_REQUANT_1PX("a1", "w0", "w1", "t0", "1")
        "add    %[out], %[out], #2\n\t"
        "ldr    %[t0], [%[c], #8]\n\t"
        "cmp    %[w], %[t0]\n\t"
        "bne    0b\n\t"
        : [w] "+r"(wp), [out] "+r"(out), [a0] "=&r"(a0), [a1] "=&r"(a1), [x] "=&r"(x), [x_end] "=&r"(x_end),
          [w0] "=&r"(w0), [w1] "=&r"(w1), [t0] "=&r"(t0), [t1] "=&r"(t1), [xe] "=&r"(xe), [xo] "=&r"(xo)
        : [c] "r"(context)
        : "cc", "memory");
    // clang-format on
    context->out0 = out;
    *w = wp;
}

/* The odd last channel as ef_gemm_last_channel, for one pixel read as int8 from its row. */
static inline void ef_gemm_last_channel_int8(const ef_gemm_context *context, const ef_word *w, int32_t blocks)
{
    const int8_t *x = (const int8_t *)context->x;
    int32_t acc = w[0] / 2;
    for (int32_t b = 0; b < blocks; ++b) {
        const int32_t xv = ef_load_x4(x + 4 * b);
        const int32_t wv = w[1 + b];
        acc = __smlad(__sxtb16(xv), __sxtb16(wv), acc);
        acc = __smlad(ef_sxtb16_ror8(xv), ef_sxtb16_ror8(wv), acc);
    }
    const int32_t acc2 = 2 * acc;
    const int32_t high = ef_smmlar(acc2, w[1 + blocks], w[2 + blocks]);
    context->out0[0] = (int8_t)__ssat((high + (acc2 >> 31)) >> (w[3 + blocks] & 0xFF), 8);
}

/*
 * The odd last channel of the stream at w for `pixels` (1 or 2) widened pixels laid out as for the pair loops:
 * its bias2, one weight word per block, multiplier, rounding and shift; the outputs at context->out0 (and out1).
 */
static inline void ef_gemm_last_channel(const ef_gemm_context *context, int32_t pixels, const ef_word *w,
                                        int32_t blocks)
{
    for (int32_t p = 0; p < pixels; ++p) {
        int32_t acc2 = w[0];
        const ef_word *xp = context->x + 2 * p;
        for (int32_t b = 0; b < blocks; ++b) {
            const int32_t wv = w[1 + b];
            acc2 = __smlad(xp[0], __sxtb16(wv), acc2);
            acc2 = __smlad(xp[1], ef_sxtb16_ror8(wv), acc2);
            xp += 2 * pixels;
        }
        const int32_t multiplier = w[1 + blocks];
        const int32_t rounding = w[2 + blocks];
        const int32_t shift = w[3 + blocks] & 0xFF;
        const int32_t high = ef_smmlar(acc2, multiplier, rounding);
        const int8_t value = (int8_t)__ssat((high + (acc2 >> 31)) >> shift, 8);
        if (p == 0) {
            context->out0[0] = value;
        } else {
            context->out1[0] = value;
        }
    }
}

#endif /* EF_GEMM_H */
