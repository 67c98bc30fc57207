/* AVERAGE_POOL_2D int8 reference kernel: TFLM reference_integer_ops::AveragePool. */
#include "average_pool2d.h"
#include "ef_fixedpoint.h"

ef_status ef_average_pool2d_s8(const ef_pool2d_params *p, const int8_t *input, int8_t *output)
{
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                for (int32_t channel = 0; channel < p->depth; ++channel) {
                    const int32_t in_x_origin = out_x * p->stride_width - p->pad_width;
                    const int32_t in_y_origin = out_y * p->stride_height - p->pad_height;
                    /* The window clipped to the image. */
                    const int32_t fx_start = ef_max_i32(0, -in_x_origin);
                    const int32_t fx_end = ef_min_i32(p->filter_width, p->input_width - in_x_origin);
                    const int32_t fy_start = ef_max_i32(0, -in_y_origin);
                    const int32_t fy_end = ef_min_i32(p->filter_height, p->input_height - in_y_origin);
                    int32_t acc = 0;
                    int32_t count = 0;
                    for (int32_t fy = fy_start; fy < fy_end; ++fy) {
                        for (int32_t fx = fx_start; fx < fx_end; ++fx) {
                            const int32_t in_x = in_x_origin + fx;
                            const int32_t in_y = in_y_origin + fy;
                            acc +=
                                input[((batch * p->input_height + in_y) * p->input_width + in_x) * p->depth + channel];
                            ++count;
                        }
                    }
                    if (count == 0) {
                        return EF_ERROR_EMPTY_POOL_WINDOW;
                    }
                    /* Round to nearest, ties away from zero; C division truncates toward zero. */
                    acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    acc = ef_clamp_i32(acc, p->activation_min, p->activation_max);
                    output[((batch * p->output_height + out_y) * p->output_width + out_x) * p->depth + channel] =
                        (int8_t)acc;
                }
            }
        }
    }
    return EF_OK;
}
