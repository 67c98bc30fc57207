/* The generator's work for the packed kernels, in C for their tests (see packed_support.h). */
#include <string.h>
#include "packed_support.h"
#include "ef_fixedpoint.h"

#define TWO_POW_31 ((int64_t)1 << 31)

static int64_t abs64(int64_t v)
{
    return v < 0 ? -v : v;
}

/* TFLM's MultiplyByQuantizedMultiplier plus the output offset, before the clamp. */
static int32_t tflm_output(int32_t acc, int32_t multiplier, int32_t shift, int32_t output_offset)
{
    return ef_multiply_by_quantized_multiplier(acc, multiplier, shift) + output_offset;
}

int ef_packed_requant(ef_requant_storage *storage, ef_requant *rq, int32_t channels, const int8_t *weights,
                      int32_t stride, int32_t step, int32_t taps, const int32_t *bias, const int32_t *multiplier,
                      const int32_t *shift, int32_t input_offset, int32_t output_offset, int32_t activation_min,
                      int32_t activation_max)
{
    if (channels > EF_PACKED_MAX_CHANNELS) {
        return 0;
    }
    for (int32_t c = 0; c < channels; ++c) {
        int64_t sum = 0;
        int64_t sum_abs = 0;
        int64_t low = bias != 0 ? bias[c] : 0;
        int64_t high = low;
        for (int32_t k = 0; k < taps; ++k) {
            const int32_t w = weights[c * stride + k * step];
            const int64_t a = (int64_t)w * (-128 + input_offset);
            const int64_t b = (int64_t)w * (127 + input_offset);
            sum += w;
            sum_abs += w < 0 ? -w : w;
            low += a < b ? a : b;
            high += a < b ? b : a;
        }
        if (low < EF_INT32_MIN || high > EF_INT32_MAX || shift[c] > 0) {
            return 0;
        }
        const int32_t e = -shift[c];
        const int32_t lowest = tflm_output((int32_t)low, multiplier[c], shift[c], output_offset);
        if (multiplier[c] == 0 || lowest == tflm_output((int32_t)high, multiplier[c], shift[c], output_offset)) {
            /* The output cannot change with the input. */
            storage->bias[c] = 0;
            storage->multiplier[c] = 0;
            storage->shift[c] = 1;
            storage->rounding[c] = 1 + 2 * ef_clamp_i32(lowest, -(1 << 20), 1 << 20);
            continue;
        }
        const int64_t folded = (bias != 0 ? bias[c] : 0) + (int64_t)input_offset * sum;
        if (2 * (abs64(folded) + 128 * sum_abs) >= TWO_POW_31 || e == 0) {
            return 0;
        }
        const int64_t bound = -low > high ? -low : high;
        const int64_t high_bound = (bound * multiplier[c] + ((int64_t)1 << 30)) / TWO_POW_31 + 1;
        const int64_t rounding = ((int64_t)1 << (e - 1)) + (int64_t)output_offset * ((int64_t)1 << e);
        if (2 * bound >= TWO_POW_31 || high_bound + abs64(rounding) + 1 >= TWO_POW_31) {
            return 0;
        }
        storage->bias[c] = (int32_t)(2 * folded);
        storage->multiplier[c] = multiplier[c];
        storage->shift[c] = (uint8_t)e;
        storage->rounding[c] = (int32_t)rounding;
    }
    rq->bias = storage->bias;
    rq->multiplier = storage->multiplier;
    rq->rounding = storage->rounding;
    rq->shift = storage->shift;
    rq->activation_min = activation_min;
    rq->activation_max = activation_max;
    return 1;
}

static int8_t *put_int32(int8_t *at, int32_t value)
{
    for (int32_t k = 0; k < 4; ++k) {
        at[k] = (int8_t)(uint8_t)((uint32_t)value >> (8 * k));
    }
    return at + 4;
}

/* The packed stream of conv2d_packed.h from rows of `size` weights (row c at weights + c * size). */
static void pack_stream(const int8_t *weights, int32_t channels, int32_t size, int32_t stride,
                        const ef_requant_storage *rq, int8_t *packed)
{
    for (int32_t c = 0; c < channels; c += 2) {
        const int32_t lanes = c + 1 < channels ? 2 : 1;
        for (int32_t k = 0; k < lanes; ++k) {
            packed = put_int32(packed, rq->bias[c + k]);
        }
        for (int32_t block = 0; block < stride / 4; ++block) {
            for (int32_t k = 0; k < lanes; ++k) {
                for (int32_t lane = 0; lane < 4; ++lane) {
                    const int32_t i = 4 * block + lane;
                    *packed++ = i < size ? weights[(c + k) * size + i] : 0;
                }
            }
        }
        for (int32_t k = 0; k < lanes; ++k) {
            packed = put_int32(packed, rq->multiplier[c + k]);
            packed = put_int32(packed, rq->rounding[c + k]);
        }
        for (int32_t k = 0; k < 4; ++k) {
            *packed++ = (int8_t)(k < lanes ? rq->shift[c + k] : 0);
        }
    }
}

int ef_packed_conv(const ef_conv2d_params *p, const int8_t *filter, const int32_t *bias, ef_conv2d_packed_params *q,
                   int8_t *packed, ef_requant_storage *storage)
{
    const int32_t size = p->filter_height * p->filter_width * p->input_depth;
    memset(q, 0, sizeof *q);
    q->batches = p->batches;
    q->input_height = p->input_height;
    q->input_width = p->input_width;
    q->input_depth = p->input_depth;
    q->filter_height = p->filter_height;
    q->filter_width = p->filter_width;
    q->output_height = p->output_height;
    q->output_width = p->output_width;
    q->output_depth = p->output_depth;
    q->stride_height = p->stride_height;
    q->stride_width = p->stride_width;
    q->dilation_height = p->dilation_height;
    q->dilation_width = p->dilation_width;
    q->pad_height = p->pad_height;
    q->pad_width = p->pad_width;
    q->patch_size = size;
    q->patch_stride = (size + 7) / 8 * 8;
    q->pad_value = -p->input_offset;
    q->activation_min = p->activation_min;
    q->activation_max = p->activation_max;
    ef_requant rq;
    if (!ef_packed_requant(storage, &rq, p->output_depth, filter, size, 1, size, bias, p->output_multiplier,
                           p->output_shift, p->input_offset, p->output_offset, p->activation_min, p->activation_max)) {
        return 0;
    }
    pack_stream(filter, p->output_depth, size, q->patch_stride, storage, packed);
    return 1;
}

int ef_packed_depthwise(const ef_depthwise_conv2d_params *p, const int8_t *filter, const int32_t *bias,
                        ef_depthwise_conv2d_packed_params *q, int8_t *packed, ef_requant_storage *storage)
{
    const int32_t depth = p->input_depth;
    const int32_t taps = p->filter_height * p->filter_width;
    const int32_t groups = (depth + 3) / 4;
    if (p->depth_multiplier != 1 || p->dilation_height != 1 || p->dilation_width != 1) {
        return 0;
    }
    memset(q, 0, sizeof *q);
    q->batches = p->batches;
    q->input_height = p->input_height;
    q->input_width = p->input_width;
    q->depth = depth;
    q->filter_height = p->filter_height;
    q->filter_width = p->filter_width;
    q->output_height = p->output_height;
    q->output_width = p->output_width;
    q->stride_height = p->stride_height;
    q->stride_width = p->stride_width;
    q->pad_height = p->pad_height;
    q->pad_width = p->pad_width;
    const int32_t right = (p->output_width - 1) * p->stride_width + p->filter_width - p->pad_width - p->input_width;
    q->padded_width = p->pad_width + p->input_width + (right > 0 ? right : 0);
    q->pad_value = -p->input_offset;
    for (int32_t g = 0; g < groups; ++g) {
        for (int32_t t = 0; t < taps; ++t) {
            for (int32_t lane = 0; lane < 4; ++lane) {
                const int32_t c = 4 * g + lane;
                *packed++ = c < depth ? filter[t * depth + c] : 0;
            }
        }
    }
    return ef_packed_requant(storage, &q->requant, depth, filter, 1, depth, taps, bias, p->output_multiplier,
                             p->output_shift, p->input_offset, p->output_offset, p->activation_min, p->activation_max);
}

int ef_packed_fully_connected(const ef_fully_connected_params *p, const int8_t *weights, const int32_t *bias,
                              ef_fully_connected_packed_params *q, int8_t *packed, ef_requant_storage *storage)
{
    if (p->weights_offset != 0) {
        return 0;
    }
    memset(q, 0, sizeof *q);
    q->batches = p->batches;
    q->accum_depth = p->accum_depth;
    q->accum_stride = (p->accum_depth + 7) / 8 * 8;
    q->output_depth = p->output_depth;
    q->activation_min = p->activation_min;
    q->activation_max = p->activation_max;
    ef_requant rq;
    if (!ef_packed_requant(storage, &rq, p->output_depth, weights, p->accum_depth, 1, p->accum_depth, bias,
                           p->output_multiplier, p->output_shift, p->input_offset, p->output_offset, p->activation_min,
                           p->activation_max)) {
        return 0;
    }
    pack_stream(weights, p->output_depth, p->accum_depth, q->accum_stride, storage, packed);
    return 1;
}

/* The first (or with last != 0 one past the last) input byte an output pixel of a packed convolution reads, or -1
 * when all its taps are padding. */
static int32_t pixel_reads(const ef_conv2d_packed_params *p, int32_t pixel, int last)
{
    const int32_t per_image = p->output_height * p->output_width;
    const int32_t batch = pixel / per_image;
    const int32_t out_y = (pixel % per_image) / p->output_width;
    const int32_t out_x = pixel % p->output_width;
    int32_t first = -1;
    for (int32_t fy = 0; fy < p->filter_height; ++fy) {
        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
            const int32_t y = out_y * p->stride_height - p->pad_height + fy * p->dilation_height;
            const int32_t x = out_x * p->stride_width - p->pad_width + fx * p->dilation_width;
            if (y < 0 || y >= p->input_height || x < 0 || x >= p->input_width) {
                continue;
            }
            const int32_t at =
                ((batch * p->input_height + y) * p->input_width + x) * p->input_depth + (last ? p->input_depth : 0);
            if (first < 0 || (last ? at > first : at < first)) {
                first = at;
            }
        }
    }
    return first;
}

int32_t ef_packed_conv_in_place_shift(const ef_conv2d_packed_params *p)
{
    const int32_t pixels = p->batches * p->output_height * p->output_width;
    int32_t shift = EF_INT32_MAX;
    int32_t later = EF_INT32_MAX; /* the first input byte any pixel after the current one reads */
    for (int32_t pixel = pixels - 1; pixel >= 0; --pixel) {
        if (later != EF_INT32_MAX) {
            shift = ef_min_i32(shift, later - (pixel + 1) * p->output_depth);
        }
        const int32_t first = pixel_reads(p, pixel, 0);
        if (first >= 0) {
            later = ef_min_i32(later, first);
        }
    }
    return shift;
}

int32_t ef_packed_conv_in_place_min_shift(const ef_conv2d_packed_params *p)
{
    const int32_t pixels = p->batches * p->output_height * p->output_width;
    int32_t shift = EF_INT32_MIN;
    int32_t earlier = -1; /* one past the last input byte any pixel before the current one reads */
    for (int32_t pixel = 0; pixel < pixels; ++pixel) {
        if (earlier >= 0) {
            shift = ef_max_i32(shift, earlier - pixel * p->output_depth);
        }
        earlier = ef_max_i32(earlier, pixel_reads(p, pixel, 1));
    }
    return shift;
}

int32_t ef_packed_depthwise_in_place_shift(const ef_depthwise_conv2d_packed_params *p)
{
    const int32_t row_in = p->input_width * p->depth;
    const int32_t row_out = p->output_width * p->depth;
    int32_t shift = EF_INT32_MAX;
    for (int32_t b = 0; b < p->batches; ++b) {
        for (int32_t out_y = 0; out_y < p->output_height; ++out_y) {
            /* The first row not yet in the ring when output row out_y is written. */
            int32_t next = out_y * p->stride_height - p->pad_height + p->filter_height;
            if (next < 0) {
                next = 0;
            }
            const int32_t written = (b * p->output_height + out_y + 1) * row_out;
            if (next < p->input_height) {
                shift = ef_min_i32(shift, (b * p->input_height + next) * row_in - written);
            } else if (b + 1 < p->batches) {
                shift = ef_min_i32(shift, (b + 1) * p->input_height * row_in - written);
            }
        }
    }
    return shift;
}

void ef_oracle_conv(const ef_conv2d_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                    int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t oy = 0; oy < p->output_height; ++oy)
            for (int32_t ox = 0; ox < p->output_width; ++ox)
                for (int32_t oc = 0; oc < p->output_depth; ++oc) {
                    int32_t acc = 0;
                    for (int32_t fy = 0; fy < p->filter_height; ++fy)
                        for (int32_t fx = 0; fx < p->filter_width; ++fx)
                            for (int32_t ic = 0; ic < p->input_depth; ++ic) {
                                const int32_t y = oy * p->stride_height - p->pad_height + fy * p->dilation_height;
                                const int32_t x = ox * p->stride_width - p->pad_width + fx * p->dilation_width;
                                if (y < 0 || y >= p->input_height || x < 0 || x >= p->input_width) {
                                    continue;
                                }
                                const int32_t in =
                                    input[((b * p->input_height + y) * p->input_width + x) * p->input_depth + ic];
                                const int32_t w =
                                    filter[((oc * p->filter_height + fy) * p->filter_width + fx) * p->input_depth + ic];
                                acc += w * (in + p->input_offset);
                            }
                    acc += bias != 0 ? bias[oc] : 0;
                    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[oc], p->output_shift[oc]);
                    acc = ef_clamp_i32(acc + p->output_offset, p->activation_min, p->activation_max);
                    output[((b * p->output_height + oy) * p->output_width + ox) * p->output_depth + oc] = (int8_t)acc;
                }
}

void ef_oracle_depthwise(const ef_depthwise_conv2d_params *p, const int8_t *input, const int8_t *filter,
                         const int32_t *bias, int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t oy = 0; oy < p->output_height; ++oy)
            for (int32_t ox = 0; ox < p->output_width; ++ox)
                for (int32_t oc = 0; oc < p->output_depth; ++oc) {
                    const int32_t ic = oc / p->depth_multiplier;
                    int32_t acc = 0;
                    for (int32_t fy = 0; fy < p->filter_height; ++fy)
                        for (int32_t fx = 0; fx < p->filter_width; ++fx) {
                            const int32_t y = oy * p->stride_height - p->pad_height + fy * p->dilation_height;
                            const int32_t x = ox * p->stride_width - p->pad_width + fx * p->dilation_width;
                            if (y < 0 || y >= p->input_height || x < 0 || x >= p->input_width) {
                                continue;
                            }
                            const int32_t in =
                                input[((b * p->input_height + y) * p->input_width + x) * p->input_depth + ic];
                            const int32_t w = filter[(fy * p->filter_width + fx) * p->output_depth + oc];
                            acc += w * (in + p->input_offset);
                        }
                    acc += bias != 0 ? bias[oc] : 0;
                    acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[oc], p->output_shift[oc]);
                    acc = ef_clamp_i32(acc + p->output_offset, p->activation_min, p->activation_max);
                    output[((b * p->output_height + oy) * p->output_width + ox) * p->output_depth + oc] = (int8_t)acc;
                }
}

void ef_oracle_fully_connected(const ef_fully_connected_params *p, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output)
{
    for (int32_t b = 0; b < p->batches; ++b)
        for (int32_t c = 0; c < p->output_depth; ++c) {
            int32_t acc = 0;
            for (int32_t k = 0; k < p->accum_depth; ++k) {
                acc += ((int32_t)weights[c * p->accum_depth + k] + p->weights_offset)
                       * ((int32_t)input[b * p->accum_depth + k] + p->input_offset);
            }
            acc += bias != 0 ? bias[c] : 0;
            acc = ef_multiply_by_quantized_multiplier(acc, p->output_multiplier[c], p->output_shift[c]);
            output[b * p->output_depth + c] =
                (int8_t)ef_clamp_i32(acc + p->output_offset, p->activation_min, p->activation_max);
        }
}
