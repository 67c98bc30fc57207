/*
 * FULLY_CONNECTED int8 on a packed stream for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference.
 *
 * The batch rows are widened to doubled 16-bit lanes in scratch (two rows interleaved per block of 4 while two are
 * left), then the pair loops of ef_gemm.h run over the stream, requantization fused. A single row whose depth is a
 * multiple of 8 is read as int8 where it is instead, unpacked for each pair of channels: no scratch.
 */
#include "fully_connected_packed.h"
#include "ef_fixedpoint.h"
#include "ef_gemm.h"
#include "ef_simd.h"

/* Row `from` (depth values) as widened words every `step` words, zero blocks up to `stride` values. */
static void widen_row(const int8_t *from, int32_t depth, int32_t stride, ef_word *to, int32_t step)
{
    int32_t k = 0;
    for (; k + 4 <= depth; k += 4) {
        const int32_t v = ef_load_x4(from + k);
        const int16x2_t even = __sxtb16(v);
        const int16x2_t odd = ef_sxtb16_ror8(v);
        to[0] = __sadd16(even, even);
        to[1] = __sadd16(odd, odd);
        to += step;
    }
    if (k < depth) {
        uint32_t bytes = 0;
        for (int32_t i = 0; k + i < depth; ++i) {
            bytes |= (uint32_t)(uint8_t)from[k + i] << (8 * i);
        }
        const int16x2_t even = __sxtb16((int32_t)bytes);
        const int16x2_t odd = ef_sxtb16_ror8((int32_t)bytes);
        to[0] = __sadd16(even, even);
        to[1] = __sadd16(odd, odd);
        to += step;
        k += 4;
    }
    for (; k < stride; k += 4) {
        to[0] = 0;
        to[1] = 0;
        to += step;
    }
}

static void clamp_outputs(int8_t *out, int32_t count, const ef_fully_connected_packed_params *p)
{
    for (int32_t k = 0; k < count; ++k) {
        out[k] = (int8_t)ef_clamp_i32(out[k], p->activation_min, p->activation_max);
    }
}

ef_status ef_fully_connected_packed_s8(const ef_fully_connected_packed_params *p, const int8_t *input,
                                       const int8_t *packed, int8_t *output, void *scratch)
{
    const int32_t blocks = p->accum_stride / 4;
    const int32_t depth = p->output_depth;
    const int32_t pairs = depth / 2;
    const int clamp = p->activation_min > -128 || p->activation_max < 127;
    ef_word *x = (ef_word *)scratch;
    ef_gemm_context context;
    if (p->batches == 1 && p->accum_depth == p->accum_stride) {
        /* One row whose depth is whole pairs of blocks: read as int8 where it is, no scratch. */
        const ef_word *w = (const ef_word *)packed;
        context.x = (const ef_word *)(const void *)input;
        context.x_end = (const ef_word *)(const void *)(input + p->accum_depth);
        context.w_end = w + pairs * (7 + 2 * blocks);
        context.out0 = output;
        if (pairs > 0) {
            ef_gemm_pairs_1px_int8(&context, &w);
        }
        if (depth % 2 != 0) {
            ef_gemm_last_channel_int8(&context, w, blocks);
        }
        if (clamp) {
            clamp_outputs(output, depth, p);
        }
        return EF_OK;
    }
    context.x = x;
    for (int32_t b = 0; b < p->batches;) {
        const int32_t rows = p->batches - b >= 2 ? 2 : 1;
        for (int32_t r = 0; r < rows; ++r) {
            widen_row(input + (b + r) * p->accum_depth, p->accum_depth, p->accum_stride, x + 2 * r, 2 * rows);
        }
        const ef_word *w = (const ef_word *)packed;
        int8_t *out0 = output + b * depth;
        context.x_end = x + 2 * rows * blocks;
        context.w_end = w + pairs * (7 + 2 * blocks);
        context.out0 = out0;
        context.out1 = out0 + depth;
        if (pairs > 0) {
            if (rows == 2) {
                ef_gemm_pairs_2px(&context, &w);
            } else {
                ef_gemm_pairs_1px(&context, &w);
            }
        }
        if (depth % 2 != 0) {
            ef_gemm_last_channel(&context, rows, w, blocks);
        }
        if (clamp) {
            clamp_outputs(out0, rows * depth, p);
        }
        b += rows;
    }
    return EF_OK;
}
