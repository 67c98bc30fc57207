/*
 * CONV_2D int8 on packed weights for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference.
 *
 * Two output pixels at a time: their patches are widened to 16 bits (doubled, see ef_requant.h) into scratch,
 * interleaved block by block ([4 values of pixel 0][4 values of pixel 1] per block of 4), then every pair of output
 * channels is one 2x2 tile: per block one LDRD of packed weights (4 values of each channel), two SXTB16 per channel,
 * and eight SMLAD, each widened input word feeding two channels and each weight word two pixels. A 1x1 convolution
 * widens its input pixels straight from the image; other filters gather the patch first (ef_patch.h). The
 * requantization is fused: SMMLAR, the sign bit, one shift and SSAT per output.
 */
#include "conv2d_packed.h"
#include "ef_fixedpoint.h"
#include "ef_patch.h"
#include "ef_gemm.h"
#include "ef_simd.h"

/* Widens `blocks` blocks of 4 int8 values to doubled 16-bit lanes in SXTB16 order (values 0,2 then 1,3), writing
 * two words per block every `step` words. */
static void widen(const int8_t *from, ef_word *to, int32_t blocks, int32_t step)
{
    for (int32_t b = 0; b < blocks; ++b) {
        const int32_t v = ef_load_x4(from + 4 * b);
        const int16x2_t even = __sxtb16(v);
        const int16x2_t odd = ef_sxtb16_ror8(v);
        to[0] = __sadd16(even, even);
        to[1] = __sadd16(odd, odd);
        to += step;
    }
}

/* The widened patch of one output pixel at `to` (every `step` words). */
static void load_patch(const ef_conv2d_packed_params *p, const int8_t *image, int32_t pixel, int8_t *gathered,
                       ef_word *to, int32_t step)
{
    const int32_t out_y = pixel / p->output_width;
    const int32_t out_x = pixel - out_y * p->output_width;
    const int32_t blocks = p->patch_stride / 4;
    if (p->filter_height == 1 && p->filter_width == 1 && p->pad_height == 0 && p->pad_width == 0
        && p->patch_size == p->patch_stride) {
        const int8_t *from = image
            + ((out_y * p->stride_height) * p->input_width + out_x * p->stride_width) * p->input_depth;
        widen(from, to, blocks, step);
        return;
    }
    ef_patch_gather(p, image, out_y, out_x, gathered);
    widen(gathered, to, blocks, step);
}

static inline int8_t requant(const int32_t *multiplier, const int32_t *rounding, const uint8_t *shift, int32_t c,
                             int32_t acc2)
{
    const int32_t high = ef_smmlar(acc2, multiplier[c], rounding[c]);
    return (int8_t)__ssat((high + (acc2 >> 31)) >> shift[c], 8);
}

/* The activation clamp beyond int8 saturation, for layers that have one: a pass over the pixel's outputs. */
static void clamp_pixel(int8_t *out, int32_t depth, const ef_requant *rq)
{
    for (int32_t c = 0; c < depth; ++c) {
        out[c] = (int8_t)ef_clamp_i32(out[c], rq->activation_min, rq->activation_max);
    }
}

/* `pixels` (1 or 2) widened patches in x, interleaved per block, times every output channel. */
static void multiply(const ef_conv2d_packed_params *p, const ef_word *x, int32_t pixels, const int8_t *weights,
                     int8_t *out0, int8_t *out1)
{
    const int32_t *bias = p->requant.bias;
    const int32_t *multiplier = p->requant.multiplier;
    const int32_t *rounding = p->requant.rounding;
    const uint8_t *shift = p->requant.shift;
    const int32_t blocks = p->patch_stride / 4;
    const int32_t depth = p->output_depth;
    const ef_word *w = (const ef_word *)weights;
    int32_t c = 0;
    if (pixels == 2) {
        for (; c + 2 <= depth; c += 2) {
            int32_t acc[4] = {bias[c], bias[c + 1], bias[c], bias[c + 1]};
            ef_gemm_2x2(x, &w, blocks, acc);
            out0[c] = requant(multiplier, rounding, shift, c, acc[0]);
            out0[c + 1] = requant(multiplier, rounding, shift, c + 1, acc[1]);
            out1[c] = requant(multiplier, rounding, shift, c, acc[2]);
            out1[c + 1] = requant(multiplier, rounding, shift, c + 1, acc[3]);
        }
    } else {
        for (; c + 2 <= depth; c += 2) {
            int32_t acc[2] = {bias[c], bias[c + 1]};
            ef_gemm_1x2(x, &w, blocks, acc);
            out0[c] = requant(multiplier, rounding, shift, c, acc[0]);
            out0[c + 1] = requant(multiplier, rounding, shift, c + 1, acc[1]);
        }
    }
    if (c < depth) {
        int32_t acc[2] = {bias[c], bias[c]};
        ef_gemm_nx1(x, &w, blocks, pixels, acc);
        out0[c] = requant(multiplier, rounding, shift, c, acc[0]);
        if (pixels == 2) {
            out1[c] = requant(multiplier, rounding, shift, c, acc[1]);
        }
    }
}

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *p, const int8_t *input, const int8_t *weights,
                              int8_t *output, void *scratch)
{
    ef_word *x = (ef_word *)scratch;
    int8_t *gathered = (int8_t *)scratch + 4 * p->patch_stride;
    const int32_t pixels = p->output_height * p->output_width;
    const int32_t image_bytes = p->input_height * p->input_width * p->input_depth;
    const int32_t depth = p->output_depth;
    const int clamp = p->requant.activation_min > -128 || p->requant.activation_max < 127;
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *image = input + batch * image_bytes;
        int8_t *out = output + batch * pixels * depth;
        int32_t pixel = 0;
        for (; pixel + 2 <= pixels; pixel += 2) {
            int8_t *out0 = out + pixel * depth;
            load_patch(p, image, pixel, gathered, x, 4);
            load_patch(p, image, pixel + 1, gathered, x + 2, 4);
            multiply(p, x, 2, weights, out0, out0 + depth);
            if (clamp) {
                clamp_pixel(out0, 2 * depth, &p->requant);
            }
        }
        if (pixel < pixels) {
            load_patch(p, image, pixel, gathered, x, 2);
            multiply(p, x, 1, weights, out + pixel * depth, 0);
            if (clamp) {
                clamp_pixel(out + pixel * depth, depth, &p->requant);
            }
        }
    }
    return EF_OK;
}
