/*
 * AVERAGE_POOL_2D int8 for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference/average_pool2d.c.
 *
 * The window is clipped to the image once per output pixel; then four channels at a time are summed in 16-bit lanes,
 * one word load and two SXTAB16 per tap (a window of at most 256 taps cannot overflow a lane), and each sum is
 * divided with TFLM's rounding. Windows of more taps, and channels past the last multiple of 4, sum in 32 bits.
 */
#include "average_pool2d.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

/* SXTAB16 of the word rotated right by 8 bits: adds bytes 1 and 3, sign-extended, to the two lanes of acc. */
static inline int16x2_t sxtab16_ror8(int16x2_t acc, int32_t x)
{
    int16x2_t result;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(result) : "r"(acc), "r"(x));
    return result;
}

static inline int8_t mean(int32_t acc, int32_t count, const ef_pool2d_params *p)
{
    /* Round to nearest, ties away from zero; C division truncates toward zero. */
    acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
    return (int8_t)ef_clamp_i32(acc, p->activation_min, p->activation_max);
}

ef_status ef_average_pool2d_s8(const ef_pool2d_params *p, const int8_t *input, int8_t *output)
{
    const int32_t depth = p->depth;
    const int32_t row_bytes = p->input_width * depth;
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        const int8_t *image = input + batch * p->input_height * row_bytes;
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            const int32_t in_y_origin = out_y * p->stride_height - p->pad_height;
            const int32_t fy_start = ef_max_i32(0, -in_y_origin);
            const int32_t fy_end = ef_min_i32(p->filter_height, p->input_height - in_y_origin);
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                const int32_t in_x_origin = out_x * p->stride_width - p->pad_width;
                const int32_t fx_start = ef_max_i32(0, -in_x_origin);
                const int32_t fx_end = ef_min_i32(p->filter_width, p->input_width - in_x_origin);
                const int32_t rows = fy_end - fy_start;
                const int32_t columns = fx_end - fx_start;
                const int32_t count = rows > 0 && columns > 0 ? rows * columns : 0;
                if (count == 0) {
                    return EF_ERROR_EMPTY_POOL_WINDOW;
                }
                const int8_t *window = image + (in_y_origin + fy_start) * row_bytes + (in_x_origin + fx_start) * depth;
                int8_t *out = output + ((batch * p->output_height + out_y) * p->output_width + out_x) * depth;
                int32_t c = 0;
                if (count <= 256) {
                    for (; c + 4 <= depth; c += 4) {
                        int16x2_t even = 0;
                        int16x2_t odd = 0;
                        const int8_t *row = window + c;
                        for (int32_t fy = 0; fy < rows; ++fy) {
                            const int8_t *tap = row;
                            for (int32_t fx = 0; fx < columns; ++fx) {
                                const int32_t v = ef_load_x4(tap);
                                even = __sxtab16(even, v);
                                odd = sxtab16_ror8(odd, v);
                                tap += depth;
                            }
                            row += row_bytes;
                        }
                        out[c] = mean((int16_t)(even & 0xFFFF), count, p);
                        out[c + 1] = mean((int16_t)(odd & 0xFFFF), count, p);
                        out[c + 2] = mean((int16_t)((uint32_t)even >> 16), count, p);
                        out[c + 3] = mean((int16_t)((uint32_t)odd >> 16), count, p);
                    }
                }
                for (; c < depth; ++c) {
                    int32_t acc = 0;
                    const int8_t *row = window + c;
                    for (int32_t fy = 0; fy < rows; ++fy) {
                        for (int32_t fx = 0; fx < columns; ++fx) {
                            acc += row[fx * depth];
                        }
                        row += row_bytes;
                    }
                    out[c] = mean(acc, count, p);
                }
            }
        }
    }
    return EF_OK;
}
