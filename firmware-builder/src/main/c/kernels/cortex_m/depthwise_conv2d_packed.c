/*
 * DEPTHWISE_CONV_2D int8 (depth multiplier 1) on packed weights for Cortex-M4/M7 (DSP extension). Bit-exact with
 * kernels/reference.
 *
 * Input rows are widened once into a ring of filter_height rows in scratch: 16-bit values, groups of 4 channels per
 * column as two words in SXTB16 order (channels 0,2 then 1,3), group-major so that the columns of one group are 8
 * bytes apart. Each group's weights are unpacked once per call to doubled 16-bit values (ef_requant.h accumulates
 * twice the sum) in a block with its requantization constants; then each tap of each output pixel is one LDRD of
 * inputs, one LDRD of weights and four SMLABB/SMLATT, the 3x3 filter unrolled with constant offsets in assembly.
 */
#include <string.h>
#include "depthwise_conv2d_packed.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

/* Both 16-bit lanes of a word holding the value v. */
static int32_t lanes(int32_t v)
{
    const uint32_t half = (uint32_t)(uint16_t)(int16_t)v;
    return (int32_t)((half << 16) | half);
}

/* The 4 channels of the last group of a depth that is not a multiple of 4, as one word (missing channels: pad, which
 * their zero weights ignore). */
static int32_t short_group(const int8_t *from, int32_t channels, int32_t pad)
{
    uint32_t bytes = 0;
    for (int32_t k = 0; k < 4; ++k) {
        const int32_t value = k < channels ? from[k] : pad;
        bytes |= (uint32_t)(uint8_t)(int8_t)value << (8 * k);
    }
    return (int32_t)bytes;
}

/* Input row `row` (or padding) into a ring slot: per group, padded_width columns of two words. */
static void load_row(const ef_depthwise_conv2d_packed_params *p, const int8_t *image, int32_t row, ef_word *slot,
                     int32_t groups)
{
    const int32_t depth = p->depth;
    const int32_t pad = lanes(p->pad_value);
    const int32_t width = p->padded_width;
    if (row < 0 || row >= p->input_height) {
        for (int32_t k = 0; k < 2 * width * groups; ++k) {
            slot[k] = pad;
        }
        return;
    }
    const int32_t right = p->pad_width + p->input_width;
    const int8_t *image_row = image + row * p->input_width * depth;
    for (int32_t g = 0; g < groups; ++g) {
        ef_word *to = slot + 2 * g * width;
        for (int32_t col = 0; col < p->pad_width; ++col) {
            to[2 * col] = pad;
            to[2 * col + 1] = pad;
        }
        for (int32_t col = right; col < width; ++col) {
            to[2 * col] = pad;
            to[2 * col + 1] = pad;
        }
        to += 2 * p->pad_width;
        const int8_t *from = image_row + 4 * g;
        const ef_word *end = to + 2 * p->input_width;
        if (depth - 4 * g >= 4) {
            while (to != end) {
                const int32_t v = ef_load_x4(from);
                to[0] = __sxtb16(v);
                to[1] = ef_sxtb16_ror8(v);
                to += 2;
                from += depth;
            }
        } else {
            while (to != end) {
                const int32_t v = short_group(from, depth - 4 * g, p->pad_value);
                to[0] = __sxtb16(v);
                to[1] = ef_sxtb16_ror8(v);
                to += 2;
                from += depth;
            }
        }
    }
}

/*
 * The block of constants one group of 4 channels needs in scratch, in words: the 16-bit weights (two words per
 * tap), the 4 biases, multiplier and rounding of each channel interleaved, the 4 shifts, then the byte steps between
 * output pixels and between the input columns of consecutive outputs, and where the row's output ends.
 */
#define BLOCK_BIAS(taps) (2 * (taps))
#define BLOCK_SCALE(taps) (2 * (taps) + 4)
#define BLOCK_SHIFT(taps) (2 * (taps) + 12)
#define BLOCK_OUT_STEP(taps) (2 * (taps) + 16)
#define BLOCK_IN_STEP(taps) (2 * (taps) + 17)
#define BLOCK_OUT_END(taps) (2 * (taps) + 18)
#define BLOCK_WORDS(taps) (2 * (taps) + 19)

static void unpack_group(const ef_depthwise_conv2d_packed_params *p, const int8_t *packed, int32_t taps, int32_t c,
                         int32_t channels, ef_word *to)
{
    const ef_requant *rq = &p->requant;
    for (int32_t t = 0; t < taps; ++t) {
        /* Doubled here, so that the widened inputs need not be (ef_requant.h accumulates twice the sum). */
        const int32_t v = ef_load_x4(packed + 4 * t);
        const int16x2_t even = __sxtb16(v);
        const int16x2_t odd = ef_sxtb16_ror8(v);
        to[2 * t] = __sadd16(even, even);
        to[2 * t + 1] = __sadd16(odd, odd);
    }
    for (int32_t k = 0; k < 4; ++k) {
        const int valid = k < channels;
        to[BLOCK_BIAS(taps) + k] = valid ? rq->bias[c + k] : 0;
        to[BLOCK_SCALE(taps) + 2 * k] = valid ? rq->multiplier[c + k] : 0;
        to[BLOCK_SCALE(taps) + 2 * k + 1] = valid ? rq->rounding[c + k] : 0;
        to[BLOCK_SHIFT(taps) + k] = valid ? rq->shift[c + k] : 1;
    }
    to[BLOCK_OUT_STEP(taps)] = p->depth;
    to[BLOCK_IN_STEP(taps)] = 8 * p->stride_width;
}

static inline int8_t requant(const int32_t *multiplier, const int32_t *rounding, const uint8_t *shift, int32_t c,
                             int32_t acc2)
{
    const int32_t high = ef_smmlar(acc2, multiplier[c], rounding[c]);
    return (int8_t)__ssat((high + (acc2 >> 31)) >> shift[c], 8);
}

/* One tap: inputs (x[0] channels 0,2; x[1] channels 1,3) times weights (w[0], w[1]) into a0..a3. */
#define TAP(x, w)                                                                                                      \
    do {                                                                                                               \
        const int32_t xe = (x)[0];                                                                                     \
        const int32_t xo = (x)[1];                                                                                     \
        const int32_t we = (w)[0];                                                                                     \
        const int32_t wo = (w)[1];                                                                                     \
        a0 = __smlabb(xe, we, a0);                                                                                     \
        a2 = __smlatt(xe, we, a2);                                                                                     \
        a1 = __smlabb(xo, wo, a1);                                                                                     \
        a3 = __smlatt(xo, wo, a3);                                                                                     \
    } while (0)

/* Writes the requantized accumulators of channels c .. c + count - 1 (count <= 4). */
static inline void store(int8_t *out, int32_t c, int32_t count, const ef_requant *rq, int32_t a0, int32_t a1,
                         int32_t a2, int32_t a3)
{
    const int32_t *m = rq->multiplier;
    const int32_t *r = rq->rounding;
    const uint8_t *s = rq->shift;
    if (count >= 4) {
        out[c] = requant(m, r, s, c, a0);
        out[c + 1] = requant(m, r, s, c + 1, a1);
        out[c + 2] = requant(m, r, s, c + 2, a2);
        out[c + 3] = requant(m, r, s, c + 3, a3);
        return;
    }
    const int32_t acc[3] = {a0, a1, a2};
    for (int32_t k = 0; k < count; ++k) {
        out[c + k] = requant(m, r, s, c + k, acc[k]);
    }
}

#define ASM_TAP(row, x_offset, w_offset)                                                                               \
    "ldrd   %[xe], %[xo], [%[" row "], #" x_offset "]\n\t"                                                             \
    "ldrd   %[we], %[wo], [%[w], #" w_offset "]\n\t"                                                                   \
    "smlabb %[a0], %[xe], %[we], %[a0]\n\t"                                                                            \
    "smlatt %[a2], %[xe], %[we], %[a2]\n\t"                                                                            \
    "smlabb %[a1], %[xo], %[wo], %[a1]\n\t"                                                                            \
    "smlatt %[a3], %[xo], %[wo], %[a3]\n\t"

#define ASM_REQUANT(acc, scale_offset, shift_offset, out_offset)                                                       \
    "ldrd   %[we], %[wo], [%[w], #" scale_offset "]\n\t"                                                               \
    "smmlar %[xe], %[" acc "], %[we], %[wo]\n\t"                                                                       \
    "ldr    %[xo], [%[w], #" shift_offset "]\n\t"                                                                      \
    "add    %[xe], %[xe], %[" acc "], asr #31\n\t"                                                                     \
    "asr    %[xe], %[xe], %[xo]\n\t"                                                                                   \
    "ssat   %[xe], #8, %[xe]\n\t"                                                                                      \
    "strb   %[xe], [%[out], #" out_offset "]\n\t"

/*
 * One output row of one full group of 4 channels, 3x3 filter, in assembly: rows r0..r2 start at the first output's
 * leftmost column, `block` is the group's constant block (BLOCK_*). Per pixel: 2 LDRD of biases, 9 taps of
 * 2 LDRD + 4 SMLAxy, 4 requantizations, the steps.
 */
static void row_3x3(const ef_word *r0, const ef_word *r1, const ef_word *r2, const ef_word *block, int8_t *out)
{
    int32_t a0;
    int32_t a1;
    int32_t a2;
    int32_t a3;
    int32_t xe;
    int32_t xo;
    int32_t we;
    int32_t wo;
    /* Hand-scheduled assembly, one instruction per line: clang-format would fold it. */
    // clang-format off
    __asm__ volatile(
        "1:\n\t"
        "ldrd   %[a0], %[a1], [%[w], #72]\n\t"
        "ldrd   %[a2], %[a3], [%[w], #80]\n\t"
        ASM_TAP("r0", "0", "0") ASM_TAP("r0", "8", "8") ASM_TAP("r0", "16", "16")
        ASM_TAP("r1", "0", "24") ASM_TAP("r1", "8", "32") ASM_TAP("r1", "16", "40")
        ASM_TAP("r2", "0", "48") ASM_TAP("r2", "8", "56") ASM_TAP("r2", "16", "64")
        ASM_REQUANT("a0", "88", "120", "0") ASM_REQUANT("a1", "96", "124", "1")
        ASM_REQUANT("a2", "104", "128", "2") ASM_REQUANT("a3", "112", "132", "3")
        "ldr    %[xe], [%[w], #136]\n\t"
        "add    %[out], %[out], %[xe]\n\t"
        "ldr    %[xe], [%[w], #140]\n\t"
        "add    %[r0], %[r0], %[xe]\n\t"
        "add    %[r1], %[r1], %[xe]\n\t"
        "add    %[r2], %[r2], %[xe]\n\t"
        "ldr    %[xe], [%[w], #144]\n\t"
        "cmp    %[out], %[xe]\n\t"
        "bne    1b\n\t"
        : [r0] "+r"(r0), [r1] "+r"(r1), [r2] "+r"(r2), [out] "+r"(out), [a0] "=&r"(a0), [a1] "=&r"(a1),
          [a2] "=&r"(a2), [a3] "=&r"(a3), [xe] "=&r"(xe), [xo] "=&r"(xo), [we] "=&r"(we), [wo] "=&r"(wo)
        : [w] "r"(block)
        : "cc", "memory");
    // clang-format on
}

/* Any filter size, and groups of fewer than 4 channels: rows[fy] start at the first output's leftmost column. */
static void row_any(const ef_word *const *rows, const ef_word *block, int32_t count, int32_t step, int8_t *out,
                    int32_t out_step, int32_t c, int32_t channels, const ef_depthwise_conv2d_packed_params *p)
{
    const ef_requant *rq = &p->requant;
    const int32_t taps = p->filter_height * p->filter_width;
    for (int32_t k = 0; k < count; ++k) {
        int32_t a0 = block[BLOCK_BIAS(taps)];
        int32_t a1 = block[BLOCK_BIAS(taps) + 1];
        int32_t a2 = block[BLOCK_BIAS(taps) + 2];
        int32_t a3 = block[BLOCK_BIAS(taps) + 3];
        const ef_word *wt = block;
        for (int32_t fy = 0; fy < p->filter_height; ++fy) {
            const ef_word *x = rows[fy] + k * step;
            for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                TAP(x, wt);
                x += 2;
                wt += 2;
            }
        }
        store(out, c, channels, rq, a0, a1, a2, a3);
        out += out_step;
    }
}

#define EF_DW_MAX_FILTER_HEIGHT 16

static void clamp_row(int8_t *out, int32_t count, const ef_requant *rq)
{
    for (int32_t k = 0; k < count; ++k) {
        out[k] = (int8_t)ef_clamp_i32(out[k], rq->activation_min, rq->activation_max);
    }
}

ef_status ef_depthwise_conv2d_packed_s8(const ef_depthwise_conv2d_packed_params *p, const int8_t *input,
                                        const int8_t *weights, int8_t *output, void *scratch)
{
    if (p->filter_height > EF_DW_MAX_FILTER_HEIGHT) {
        return EF_ERROR_UNSUPPORTED;
    }
    const int32_t depth = p->depth;
    const int32_t groups = (depth + 3) / 4;
    const int32_t taps = p->filter_height * p->filter_width;
    const int32_t slot_words = 2 * p->padded_width * groups;
    const int32_t group_words = 2 * p->padded_width;
    ef_word *ring = (ef_word *)scratch;
    ef_word *blocks = ring + p->filter_height * slot_words;
    const int three = p->filter_height == 3 && p->filter_width == 3;
    const int clamp = p->requant.activation_min > -128 || p->requant.activation_max < 127;
    for (int32_t g = 0; g < groups; ++g) {
        const int32_t c = 4 * g;
        unpack_group(p, weights + g * taps * 4, taps, c, depth - c < 4 ? depth - c : 4, blocks + g * BLOCK_WORDS(taps));
    }
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *image = input + batch * p->input_height * p->input_width * depth;
        int8_t *out_image = output + batch * p->output_height * p->output_width * depth;
        int32_t next_row = -p->pad_height;
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            const int32_t top = out_y * p->stride_height - p->pad_height;
            for (; next_row < top + p->filter_height; ++next_row) {
                const int32_t slot = (next_row + p->pad_height) % p->filter_height;
                load_row(p, image, next_row, ring + slot * slot_words, groups);
            }
            const ef_word *rows[EF_DW_MAX_FILTER_HEIGHT];
            for (int32_t fy = 0; fy < p->filter_height; ++fy) {
                rows[fy] = ring + ((top + fy + p->pad_height) % p->filter_height) * slot_words;
            }
            int8_t *out = out_image + out_y * p->output_width * depth;
            for (int32_t g = 0; g < groups; ++g) {
                const int32_t c = 4 * g;
                const int32_t channels = depth - c < 4 ? depth - c : 4;
                ef_word *block = blocks + g * BLOCK_WORDS(taps);
                if (three && channels == 4) {
                    block[BLOCK_OUT_END(9)] = (int32_t)(uintptr_t)(out + c + p->output_width * depth);
                    row_3x3(rows[0] + g * group_words, rows[1] + g * group_words, rows[2] + g * group_words, block,
                            out + c);
                } else {
                    const ef_word *group_rows[EF_DW_MAX_FILTER_HEIGHT];
                    for (int32_t fy = 0; fy < p->filter_height; ++fy) {
                        group_rows[fy] = rows[fy] + g * group_words;
                    }
                    row_any(group_rows, block, p->output_width, 2 * p->stride_width, out, depth, c, channels, p);
                }
            }
            if (clamp) {
                clamp_row(out, p->output_width * depth, &p->requant);
            }
        }
    }
    return EF_OK;
}
