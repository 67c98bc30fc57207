/*
 * Per-output-channel requantization constants of the packed kernels (conv2d_packed, depthwise_conv2d_packed,
 * fully_connected_packed), all computed ahead of time by the generator.
 *
 * The packed kernels accumulate acc2 = 2 * acc, where acc is TFLM's accumulator
 * (bias + sum of weight * (input + input_offset)): the input offset is folded into the bias
 * (bias2 = 2 * (bias + input_offset * sum of the channel's weights), padding taps read the input zero point so they
 * add nothing), and the inputs are doubled when they are widened to 16 bits. TFLM's double-rounding
 * MultiplyByQuantizedMultiplier(acc, multiplier, -shift) + output_offset is then exactly
 *
 *     high = (acc2 * multiplier + 2^31) >> 32                  (SMMULR: SaturatingRoundingDoublingHighMul)
 *     out  = (high + rounding + (acc2 < 0 ? -1 : 0)) >> shift  (RoundingDivideByPOT, ties away from zero)
 *
 * with rounding = 2^(shift-1) + output_offset * 2^shift, provided |acc2| < 2^31, shift >= 1 and the sum in the
 * second line does not overflow. The generator proves those bounds for every channel from the weights and the bias
 * (the input range is int8), and maps a channel whose output can only be output_offset to multiplier 0, shift 1. A
 * layer it cannot prove runs on the unpacked kernels instead. This header is internal to the kernels.
 */
#ifndef EF_REQUANT_H
#define EF_REQUANT_H

#include <stdint.h>

typedef struct {
    const int32_t *bias;       /* [channels] 2 * (bias + input_offset * sum of weights) */
    const int32_t *multiplier; /* [channels] Q0.31 in [2^30, 2^31), or 0 */
    const int32_t *rounding;   /* [channels] 2^(shift-1) + output_offset * 2^shift */
    const uint8_t *shift;      /* [channels] right shift, 1..31 */
    int32_t activation_min;    /* fused activation clamp, in output quantized units */
    int32_t activation_max;
} ef_requant;

/* The requantized output of channel c before the activation clamp, in portable C. */
static inline int32_t ef_requant_portable(const ef_requant *rq, int32_t c, int32_t acc2)
{
    /* Right shifts of negative values are arithmetic on every compiler we target, as in ef_fixedpoint.h. */
    const int32_t high = (int32_t)(((int64_t)acc2 * rq->multiplier[c] + ((int64_t)1 << 31)) >> 32);
    return (high + rq->rounding[c] + (acc2 < 0 ? -1 : 0)) >> rq->shift[c];
}

#endif /* EF_REQUANT_H */
