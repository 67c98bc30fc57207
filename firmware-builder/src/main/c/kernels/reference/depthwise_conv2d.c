/* DEPTHWISE_CONV_2D int8 reference kernel: TFLM reference_integer_ops::DepthwiseConvPerChannel. */
#include "depthwise_conv2d.h"
#include "ef_fixedpoint.h"

ef_status ef_depthwise_conv2d_s8(const ef_depthwise_conv2d_params *p, const int8_t *input, const int8_t *filter,
                                 const int32_t *bias, int8_t *output)
{
    for (int32_t batch = 0; batch < p->batches; ++batch) {
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            for (int32_t out_x = 0; out_x < p->output_width; ++out_x) {
                for (int32_t in_c = 0; in_c < p->input_depth; ++in_c) {
                    for (int32_t m = 0; m < p->depth_multiplier; ++m) {
                        const int32_t out_c = m + in_c * p->depth_multiplier;
                        const int32_t in_x_origin = out_x * p->stride_width - p->pad_width;
                        const int32_t in_y_origin = out_y * p->stride_height - p->pad_height;
                        int32_t acc = 0;
                        for (int32_t fy = 0; fy < p->filter_height; ++fy) {
                            for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                                const int32_t in_x = in_x_origin + p->dilation_width * fx;
                                const int32_t in_y = in_y_origin + p->dilation_height * fy;
                                if (in_x >= 0 && in_x < p->input_width && in_y >= 0 && in_y < p->input_height) {
                                    const int32_t in_val =
                                        input[((batch * p->input_height + in_y) * p->input_width + in_x)
                                                  * p->input_depth
                                              + in_c];
                                    const int32_t w_val = filter[(fy * p->filter_width + fx) * p->output_depth + out_c];
                                    acc += w_val * (in_val + p->input_offset);
                                }
                            }
                        }
                        if (bias != 0) {
                            acc += bias[out_c];
                        }
                        acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[out_c],
                                                                  p->output_shift[out_c]);
                        acc += p->output_offset;
                        acc = ef_clamp_i32(acc, p->activation_min, p->activation_max);
                        output[((batch * p->output_height + out_y) * p->output_width + out_x) * p->output_depth
                               + out_c] = (int8_t)acc;
                    }
                }
            }
        }
    }
    return EF_OK;
}
