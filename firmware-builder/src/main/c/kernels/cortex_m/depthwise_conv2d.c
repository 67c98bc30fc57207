/*
 * DEPTHWISE_CONV_2D int8 for Cortex-M4/M7 (DSP extension). Bit-exact with
 * kernels/reference/depthwise_conv2d.c.
 *
 * The window is clipped to the image once per output pixel. With depth multiplier 1 (the common case)
 * four neighbouring channels are computed together: one word load fetches four channels of input and
 * four of filter, SXTAB16/SXTB16 unpack them into 16-bit lanes and SMLABB/SMLATT accumulate each
 * channel separately.
 */
#include "depthwise_conv2d.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

static int32_t first_tap(int32_t origin, int32_t dilation)
{
    return origin >= 0 ? 0 : (-origin + dilation - 1) / dilation;
}

static int32_t end_tap(int32_t origin, int32_t dilation, int32_t size, int32_t taps)
{
    const int32_t room = size - origin;
    if (room <= 0) {
        return 0;
    }
    return ef_min_i32(taps, (room + dilation - 1) / dilation);
}

static int8_t finish(const ef_depthwise_conv2d_params *p, int32_t acc, const int32_t *bias, int32_t out_c)
{
    if (bias != 0) {
        acc += bias[out_c];
    }
    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[out_c], p->output_shift[out_c]);
    acc += p->output_offset;
    return (int8_t)ef_clamp_i32(acc, p->activation_min, p->activation_max);
}

ef_status ef_depthwise_conv2d_s8(const ef_depthwise_conv2d_params *p, const int8_t *input, const int8_t *filter,
                                 const int32_t *bias, int8_t *output)
{
    const int16x2_t x_offset2 = ef_dup16(p->input_offset);
    const int32_t in_depth = p->input_depth;
    const int32_t out_depth = p->output_depth;
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *in_batch = input + batch * p->input_height * p->input_width * in_depth;
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            const int32_t in_y_origin = out_y * p->stride_height - p->pad_height;
            const int32_t fy_start = first_tap(in_y_origin, p->dilation_height);
            const int32_t fy_end = end_tap(in_y_origin, p->dilation_height, p->input_height, p->filter_height);
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                const int32_t in_x_origin = out_x * p->stride_width - p->pad_width;
                const int32_t fx_start = first_tap(in_x_origin, p->dilation_width);
                const int32_t fx_end = end_tap(in_x_origin, p->dilation_width, p->input_width, p->filter_width);
                int8_t *out = output + ((batch * p->output_height + out_y) * p->output_width + out_x) * out_depth;

                int32_t c = 0;
                if (p->depth_multiplier == 1) {
                    for (; c + 4 <= in_depth; c += 4) {
                        int32_t acc0 = 0;
                        int32_t acc1 = 0;
                        int32_t acc2 = 0;
                        int32_t acc3 = 0;
                        for (int32_t fy = fy_start; fy < fy_end; ++fy) {
                            const int32_t in_y = in_y_origin + p->dilation_height * fy;
                            const int8_t *in_row = in_batch + in_y * p->input_width * in_depth + c;
                            const int8_t *w_row = filter + fy * p->filter_width * out_depth + c;
                            for (int32_t fx = fx_start; fx < fx_end; ++fx) {
                                const int32_t in_x = in_x_origin + p->dilation_width * fx;
                                const int32_t xv = ef_load_x4(in_row + in_x * in_depth);
                                const int32_t wv = ef_load_x4(w_row + fx * out_depth);
                                const int16x2_t x02 = __sxtab16(x_offset2, xv);
                                const int16x2_t x13 = __sxtab16(x_offset2, ef_ror8(xv));
                                const int16x2_t w02 = __sxtb16(wv);
                                const int16x2_t w13 = __sxtb16(ef_ror8(wv));
                                acc0 = __smlabb(x02, w02, acc0);
                                acc2 = __smlatt(x02, w02, acc2);
                                acc1 = __smlabb(x13, w13, acc1);
                                acc3 = __smlatt(x13, w13, acc3);
                            }
                        }
                        out[c] = finish(p, acc0, bias, c);
                        out[c + 1] = finish(p, acc1, bias, c + 1);
                        out[c + 2] = finish(p, acc2, bias, c + 2);
                        out[c + 3] = finish(p, acc3, bias, c + 3);
                    }
                }
                /* Remaining channels, and every channel when depth_multiplier > 1. */
                for (; c < in_depth; ++c) {
                    for (int32_t m = 0; m < p->depth_multiplier; ++m) {
                        const int32_t out_c = m + c * p->depth_multiplier;
                        int32_t acc = 0;
                        for (int32_t fy = fy_start; fy < fy_end; ++fy) {
                            const int32_t in_y = in_y_origin + p->dilation_height * fy;
                            const int8_t *in_row = in_batch + in_y * p->input_width * in_depth + c;
                            const int8_t *w_row = filter + fy * p->filter_width * out_depth + out_c;
                            for (int32_t fx = fx_start; fx < fx_end; ++fx) {
                                const int32_t in_x = in_x_origin + p->dilation_width * fx;
                                acc += (int32_t)w_row[fx * out_depth]
                                       * ((int32_t)in_row[in_x * in_depth] + p->input_offset);
                            }
                        }
                        out[out_c] = finish(p, acc, bias, out_c);
                    }
                }
            }
        }
    }
    return EF_OK;
}
