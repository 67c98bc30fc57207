/*
 * What the generator does for the packed kernels, written out in C for their tests: the requantization constants
 * of ef_requant.h (with the same bound checks as dev.edgeforge.core.device.PackedRequant) and the weight
 * layouts, from a layer described with the unpacked kernels' params; plus naive oracles of TFLM's math.
 */
#ifndef EF_PACKED_SUPPORT_H
#define EF_PACKED_SUPPORT_H

#include <stdint.h>
#include "conv2d.h"
#include "conv2d_packed.h"
#include "depthwise_conv2d.h"
#include "depthwise_conv2d_packed.h"
#include "fully_connected.h"
#include "fully_connected_packed.h"

#define EF_PACKED_MAX_CHANNELS 64

/* Storage for one layer's requantization constants. */
typedef struct {
    int32_t bias[EF_PACKED_MAX_CHANNELS];
    int32_t multiplier[EF_PACKED_MAX_CHANNELS];
    int32_t rounding[EF_PACKED_MAX_CHANNELS];
    uint8_t shift[EF_PACKED_MAX_CHANNELS];
} ef_requant_storage;

/*
 * Fills `storage` and `rq` for `channels` output channels whose weights are weights[c * stride + k * step]
 * (k < taps). Returns 0 when the generator would not use the packed kernels for this layer (a bound fails).
 */
int ef_packed_requant(ef_requant_storage *storage, ef_requant *rq, int32_t channels, const int8_t *weights,
                      int32_t stride, int32_t step, int32_t taps, const int32_t *bias, const int32_t *multiplier,
                      const int32_t *shift, int32_t input_offset, int32_t output_offset, int32_t activation_min,
                      int32_t activation_max);

/* The packed conv params and stream (`packed`, big enough) of a plain (ungrouped) convolution; `storage` is
 * working space. */
int ef_packed_conv(const ef_conv2d_params *p, const int8_t *filter, const int32_t *bias,
                   ef_conv2d_packed_params *packed_params, int8_t *packed, ef_requant_storage *storage);

/* The packed depthwise params, weights and requantization constants (in `storage`) of a depthwise convolution
 * with depth multiplier 1 and dilation 1. */
int ef_packed_depthwise(const ef_depthwise_conv2d_params *p, const int8_t *filter, const int32_t *bias,
                        ef_depthwise_conv2d_packed_params *packed_params, int8_t *packed, ef_requant_storage *storage);

/* The packed params and stream of a fully connected layer with symmetric weights. */
int ef_packed_fully_connected(const ef_fully_connected_params *p, const int8_t *weights, const int32_t *bias,
                              ef_fully_connected_packed_params *packed_params, int8_t *packed,
                              ef_requant_storage *storage);

/* The largest start of the output relative to the input at which a kernel may run in place (see MemoryPlan), and
 * for the convolution in reverse the smallest. */
int32_t ef_packed_conv_in_place_shift(const ef_conv2d_packed_params *p);
int32_t ef_packed_conv_in_place_min_shift(const ef_conv2d_packed_params *p);
int32_t ef_packed_depthwise_in_place_shift(const ef_depthwise_conv2d_packed_params *p);

/* TFLM's ConvPerChannel, DepthwiseConvPerChannel and FullyConnected written out naively. */
void ef_oracle_conv(const ef_conv2d_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                    int8_t *output);
void ef_oracle_depthwise(const ef_depthwise_conv2d_params *p, const int8_t *input, const int8_t *filter,
                         const int32_t *bias, int8_t *output);
void ef_oracle_fully_connected(const ef_fully_connected_params *p, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output);

#endif /* EF_PACKED_SUPPORT_H */
