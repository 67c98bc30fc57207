/*
 * Internal helpers for the Cortex-M kernels: ACLE SIMD32 intrinsics (Armv7E-M DSP extension, present
 * on Cortex-M4 and Cortex-M7) and unaligned little-endian loads. Only files under kernels/cortex_m/
 * include this header, and they are only compiled for cores that have the DSP extension.
 */
#ifndef EF_SIMD_H
#define EF_SIMD_H

#include <stdint.h>
#include <string.h>
#include <arm_acle.h>

/* Four consecutive int8 values as one word; memcpy keeps it free of aliasing and alignment traps and
 * compiles to a single LDR (Cortex-M4/M7 allow unaligned LDR). */
static inline int32_t ef_load_x4(const int8_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Rotate right by 8 bits: brings bytes 1 and 3 into the positions SXTB16/SXTAB16 extract. */
static inline int32_t ef_ror8(int32_t x)
{
    const uint32_t u = (uint32_t)x;
    return (int32_t)((u >> 8) | (u << 24));
}

/* The same 16-bit value in both halves, as the first operand of SXTAB16. */
static inline int16x2_t ef_dup16(int32_t value)
{
    const uint32_t half = (uint32_t)(uint16_t)(int16_t)value;
    return (int16x2_t)((half << 16) | half);
}

/*
 * acc + sum over n of (w[i] + w_offset) * (x[i] + x_offset), computed four bytes at a time with
 * SXTAB16 (sign-extend and add the offset to two lanes) and SMLAD (two 16x16 products accumulated).
 * Every (value + offset) fits in 16 bits because values are int8 and offsets are negated int8 zero
 * points, so each product is exact and the int32 sum is the same as the scalar loop's.
 */
static inline int32_t ef_dot_s8(const int8_t *x, const int8_t *w, int32_t n, int16x2_t x_offset2, int16x2_t w_offset2,
                                int32_t x_offset, int32_t w_offset, int32_t acc)
{
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const int32_t xv = ef_load_x4(x + i);
        const int32_t wv = ef_load_x4(w + i);
        acc = __smlad(__sxtab16(w_offset2, wv), __sxtab16(x_offset2, xv), acc);
        acc = __smlad(__sxtab16(w_offset2, ef_ror8(wv)), __sxtab16(x_offset2, ef_ror8(xv)), acc);
    }
    for (; i < n; ++i) {
        acc += ((int32_t)w[i] + w_offset) * ((int32_t)x[i] + x_offset);
    }
    return acc;
}

/* Two dot products sharing the same x (two output channels): x is loaded and unpacked once. */
static inline void ef_dot2_s8(const int8_t *x, const int8_t *w0, const int8_t *w1, int32_t n, int16x2_t x_offset2,
                              int16x2_t w_offset2, int32_t x_offset, int32_t w_offset, int32_t *acc0, int32_t *acc1)
{
    int32_t a0 = *acc0;
    int32_t a1 = *acc1;
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const int32_t xv = ef_load_x4(x + i);
        const int16x2_t x02 = __sxtab16(x_offset2, xv);
        const int16x2_t x13 = __sxtab16(x_offset2, ef_ror8(xv));
        const int32_t wv0 = ef_load_x4(w0 + i);
        const int32_t wv1 = ef_load_x4(w1 + i);
        a0 = __smlad(__sxtab16(w_offset2, wv0), x02, a0);
        a0 = __smlad(__sxtab16(w_offset2, ef_ror8(wv0)), x13, a0);
        a1 = __smlad(__sxtab16(w_offset2, wv1), x02, a1);
        a1 = __smlad(__sxtab16(w_offset2, ef_ror8(wv1)), x13, a1);
    }
    for (; i < n; ++i) {
        const int32_t xi = (int32_t)x[i] + x_offset;
        a0 += ((int32_t)w0[i] + w_offset) * xi;
        a1 += ((int32_t)w1[i] + w_offset) * xi;
    }
    *acc0 = a0;
    *acc1 = a1;
}

/* SXTB16 of the word rotated right by 8 bits (bytes 1 and 3), as the one instruction the ISA has for it. */
static inline int16x2_t ef_sxtb16_ror8(int32_t x)
{
    int16x2_t result;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(result) : "r"(x));
    return result;
}

/* SMMLAR: acc + ((a * b + 2^31) >> 32), the rounded high word of a 64-bit product plus an accumulator. */
static inline int32_t ef_smmlar(int32_t a, int32_t b, int32_t acc)
{
    int32_t result;
    __asm__("smmlar %0, %1, %2, %3" : "=r"(result) : "r"(a), "r"(b), "r"(acc));
    return result;
}

/* Aligned word access for data the kernels lay out themselves (scratch) or the generator packed (weights, 16-byte
 * aligned): may_alias keeps the compiler's type-based alias analysis out of it, and the alignment lets it use
 * LDRD/LDM, which fault on unaligned addresses. */
typedef int32_t __attribute__((may_alias, aligned(4))) ef_word;

#endif /* EF_SIMD_H */
