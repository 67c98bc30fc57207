/*
 * FULLY_CONNECTED int8 on packed weights for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference.
 *
 * The batch rows are widened to doubled 16-bit lanes in scratch, two rows interleaved per block of 4 when there are
 * two left, then each pair of output channels is one tile of ef_gemm.h: two LDRD and four SXTB16 per block feed
 * eight SMLAD with two rows, four with one. Requantization fused, as in conv2d_packed.
 */
#include "fully_connected_packed.h"
#include "ef_fixedpoint.h"
#include "ef_gemm.h"
#include "ef_simd.h"

/* Row `from` (depth values, the last block completed with zeros) as widened words every `step` words. */
static void widen_row(const int8_t *from, int32_t depth, ef_word *to, int32_t step)
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
    }
}

static inline int8_t requant(const ef_requant *rq, int32_t c, int32_t acc2)
{
    const int32_t high = ef_smmlar(acc2, rq->multiplier[c], rq->rounding[c]);
    const int32_t value = __ssat((high + (acc2 >> 31)) >> rq->shift[c], 8);
    return (int8_t)ef_clamp_i32(value, rq->activation_min, rq->activation_max);
}

ef_status ef_fully_connected_packed_s8(const ef_fully_connected_packed_params *p, const int8_t *input,
                                       const int8_t *weights, int8_t *output, void *scratch)
{
    const ef_requant *rq = &p->requant;
    const int32_t blocks = p->accum_stride / 4;
    const int32_t depth = p->output_depth;
    ef_word *x = (ef_word *)scratch;
    int32_t b = 0;
    for (; b + 2 <= p->batches; b += 2) {
        widen_row(input + b * p->accum_depth, p->accum_depth, x, 4);
        widen_row(input + (b + 1) * p->accum_depth, p->accum_depth, x + 2, 4);
        int8_t *out0 = output + b * depth;
        int8_t *out1 = out0 + depth;
        const ef_word *w = (const ef_word *)weights;
        int32_t c = 0;
        for (; c + 2 <= depth; c += 2) {
            int32_t acc[4] = {rq->bias[c], rq->bias[c + 1], rq->bias[c], rq->bias[c + 1]};
            ef_gemm_2x2(x, &w, blocks, acc);
            out0[c] = requant(rq, c, acc[0]);
            out0[c + 1] = requant(rq, c + 1, acc[1]);
            out1[c] = requant(rq, c, acc[2]);
            out1[c + 1] = requant(rq, c + 1, acc[3]);
        }
        if (c < depth) {
            int32_t acc[2] = {rq->bias[c], rq->bias[c]};
            ef_gemm_nx1(x, &w, blocks, 2, acc);
            out0[c] = requant(rq, c, acc[0]);
            out1[c] = requant(rq, c, acc[1]);
        }
    }
    if (b < p->batches) {
        widen_row(input + b * p->accum_depth, p->accum_depth, x, 2);
        int8_t *out = output + b * depth;
        const ef_word *w = (const ef_word *)weights;
        int32_t c = 0;
        for (; c + 2 <= depth; c += 2) {
            int32_t acc[2] = {rq->bias[c], rq->bias[c + 1]};
            ef_gemm_1x2(x, &w, blocks, acc);
            out[c] = requant(rq, c, acc[0]);
            out[c + 1] = requant(rq, c + 1, acc[1]);
        }
        if (c < depth) {
            int32_t acc[1] = {rq->bias[c]};
            ef_gemm_nx1(x, &w, blocks, 1, acc);
            out[c] = requant(rq, c, acc[0]);
        }
    }
    return EF_OK;
}
