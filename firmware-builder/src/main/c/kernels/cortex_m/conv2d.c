/*
 * CONV_2D int8 for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference/conv2d.c.
 *
 * Differences in structure only: the filter window is clipped to the image once per output pixel
 * instead of testing every tap; with dilation 1 and no groups, a filter row and the input pixels under
 * it are both contiguous in NHWC, so each row is one dot product of (taps x channels) bytes; output
 * channels are computed in pairs that share every input load; dot products use SMLAD.
 */
#include "conv2d.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

/* First tap index t in [0, taps) with 0 <= origin + dilation * t, and one past the last with
 * origin + dilation * t < size. */
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

static int8_t finish(const ef_conv2d_params *p, int32_t acc, const int32_t *bias, int32_t out_c)
{
    if (bias != 0) {
        acc += bias[out_c];
    }
    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[out_c], p->output_shift[out_c]);
    acc += p->output_offset;
    return (int8_t)ef_clamp_i32(acc, p->activation_min, p->activation_max);
}

ef_status ef_conv2d_s8(const ef_conv2d_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                       int8_t *output)
{
    const int16x2_t x_offset2 = ef_dup16(p->input_offset);
    const int16x2_t w_offset2 = ef_dup16(0);
    const int32_t fd = p->filter_depth;
    const int32_t filters_per_group = p->output_depth / (p->input_depth / fd);
    /* One contiguous run per filter row when taps are adjacent and each tap reads all channels. */
    const int contiguous_rows = p->dilation_width == 1 && fd == p->input_depth;
    const int32_t filter_row = p->filter_width * fd;
    const int32_t filter_size = p->filter_height * filter_row;

    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *in_batch = input + batch * p->input_height * p->input_width * p->input_depth;
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            const int32_t in_y_origin = out_y * p->stride_height - p->pad_height;
            const int32_t fy_start = first_tap(in_y_origin, p->dilation_height);
            const int32_t fy_end = end_tap(in_y_origin, p->dilation_height, p->input_height, p->filter_height);
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                const int32_t in_x_origin = out_x * p->stride_width - p->pad_width;
                const int32_t fx_start = first_tap(in_x_origin, p->dilation_width);
                const int32_t fx_end = end_tap(in_x_origin, p->dilation_width, p->input_width, p->filter_width);
                int8_t *out = output + ((batch * p->output_height + out_y) * p->output_width + out_x) * p->output_depth;

                int32_t out_c = 0;
                while (out_c < p->output_depth) {
                    const int32_t group = out_c / filters_per_group;
                    /* Pair two channels only when both read the same input channels. */
                    const int pair = out_c + 1 < p->output_depth && (out_c + 1) / filters_per_group == group;
                    const int8_t *w0 = filter + out_c * filter_size;
                    const int8_t *w1 = w0 + filter_size;
                    int32_t acc0 = 0;
                    int32_t acc1 = 0;
                    for (int32_t fy = fy_start; fy < fy_end; ++fy) {
                        const int32_t in_y = in_y_origin + p->dilation_height * fy;
                        const int8_t *in_row = in_batch + in_y * p->input_width * p->input_depth + group * fd;
                        if (contiguous_rows) {
                            const int8_t *x = in_row + (in_x_origin + fx_start) * p->input_depth;
                            const int32_t offset = fy * filter_row + fx_start * fd;
                            const int32_t n = (fx_end - fx_start) * fd;
                            if (n <= 0) {
                                continue;
                            }
                            if (pair) {
                                ef_dot2_s8(x, w0 + offset, w1 + offset, n, x_offset2, w_offset2, p->input_offset, 0,
                                           &acc0, &acc1);
                            } else {
                                acc0 = ef_dot_s8(x, w0 + offset, n, x_offset2, w_offset2, p->input_offset, 0, acc0);
                            }
                        } else {
                            for (int32_t fx = fx_start; fx < fx_end; ++fx) {
                                const int32_t in_x = in_x_origin + p->dilation_width * fx;
                                const int8_t *x = in_row + in_x * p->input_depth;
                                const int32_t offset = fy * filter_row + fx * fd;
                                if (pair) {
                                    ef_dot2_s8(x, w0 + offset, w1 + offset, fd, x_offset2, w_offset2, p->input_offset,
                                               0, &acc0, &acc1);
                                } else {
                                    acc0 =
                                        ef_dot_s8(x, w0 + offset, fd, x_offset2, w_offset2, p->input_offset, 0, acc0);
                                }
                            }
                        }
                    }
                    out[out_c] = finish(p, acc0, bias, out_c);
                    if (pair) {
                        out[out_c + 1] = finish(p, acc1, bias, out_c + 1);
                        out_c += 2;
                    } else {
                        out_c += 1;
                    }
                }
            }
        }
    }
    return EF_OK;
}
