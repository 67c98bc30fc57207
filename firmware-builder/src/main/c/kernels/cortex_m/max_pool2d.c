/*
 * MAX_POOL_2D int8 for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference/max_pool2d.c.
 *
 * The window is clipped to the image once per output pixel; four channels at a time keep their maxima in one word:
 * SSUB8 sets a GE flag per byte where the new value is not smaller, SEL takes those bytes. Channels past the last
 * multiple of 4 take the reference loop.
 */
#include "max_pool2d.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

/* The bytewise signed maximum of two words of four int8. */
static inline int32_t max4(int32_t a, int32_t b)
{
    int32_t result;
    __asm__("ssub8 %0, %1, %2\n\t"
            "sel   %0, %1, %2"
            : "=&r"(result)
            : "r"(a), "r"(b));
    return result;
}

static inline int8_t clamp(int32_t value, const ef_pool2d_params *p)
{
    return (int8_t)ef_clamp_i32(value, p->activation_min, p->activation_max);
}

ef_status ef_max_pool2d_s8(const ef_pool2d_params *p, const int8_t *input, int8_t *output)
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
                int8_t *out = output + ((batch * p->output_height + out_y) * p->output_width + out_x) * depth;
                int32_t c = 0;
                for (; c + 4 <= depth; c += 4) {
                    int32_t max = (int32_t)0x80808080u; /* -128 in every lane, as the reference starts */
                    for (int32_t fy = fy_start; fy < fy_end; ++fy) {
                        const int8_t *tap =
                            image + (in_y_origin + fy) * row_bytes + (in_x_origin + fx_start) * depth + c;
                        for (int32_t fx = fx_start; fx < fx_end; ++fx) {
                            max = max4(ef_load_x4(tap), max);
                            tap += depth;
                        }
                    }
                    out[c] = clamp((int8_t)(max & 0xFF), p);
                    out[c + 1] = clamp((int8_t)((max >> 8) & 0xFF), p);
                    out[c + 2] = clamp((int8_t)((max >> 16) & 0xFF), p);
                    out[c + 3] = clamp((int8_t)((uint32_t)max >> 24), p);
                }
                for (; c < depth; ++c) {
                    int32_t max = -128;
                    for (int32_t fy = fy_start; fy < fy_end; ++fy) {
                        for (int32_t fx = fx_start; fx < fx_end; ++fx) {
                            const int8_t *tap = image + (in_y_origin + fy) * row_bytes + (in_x_origin + fx) * depth;
                            max = ef_max_i32(max, tap[c]);
                        }
                    }
                    out[c] = clamp(max, p);
                }
            }
        }
    }
    return EF_OK;
}
