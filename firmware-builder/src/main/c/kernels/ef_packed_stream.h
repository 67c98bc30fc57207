/*
 * Reading the packed stream of conv2d_packed.h and fully_connected_packed.h in portable C (internal to the kernels):
 * int32 fields are assembled byte by byte, so the reference kernels read the generator's little-endian stream on any
 * host.
 */
#ifndef EF_PACKED_STREAM_H
#define EF_PACKED_STREAM_H

#include <stdint.h>
#include "ef_fixedpoint.h"
#include "ef_requant.h"

static inline int32_t ef_stream_int32(const int8_t *at)
{
    const uint32_t value = (uint32_t)(uint8_t)at[0] | (uint32_t)(uint8_t)at[1] << 8 | (uint32_t)(uint8_t)at[2] << 16
                           | (uint32_t)(uint8_t)at[3] << 24;
    return (int32_t)value;
}

/* Bytes of the stream per pair of channels, and of an odd last channel, for a patch stride. */
static inline int32_t ef_stream_pair_bytes(int32_t stride)
{
    return 28 + 2 * stride;
}

/*
 * Every output channel of one pixel whose patch (patch_stride int8 values) is `patch`: the dot product with the
 * stream's weights plus bias2 (doubled, as ef_requant.h describes), requantized and clamped into out[0 .. depth).
 */
static inline void ef_stream_pixel(const int8_t *packed, int32_t depth, int32_t stride, const int8_t *patch,
                                   int32_t activation_min, int32_t activation_max, int8_t *out)
{
    const int8_t *at = packed;
    for (int32_t c = 0; c < depth; c += 2) {
        const int32_t lanes = c + 1 < depth ? 2 : 1;
        int32_t acc2[2];
        for (int32_t k = 0; k < lanes; ++k) {
            acc2[k] = ef_stream_int32(at + 4 * k);
        }
        at += 4 * lanes;
        for (int32_t block = 0; block < stride / 4; ++block) {
            for (int32_t k = 0; k < lanes; ++k) {
                for (int32_t i = 0; i < 4; ++i) {
                    acc2[k] += 2 * (int32_t)patch[4 * block + i] * at[4 * k + i];
                }
            }
            at += 4 * lanes;
        }
        for (int32_t k = 0; k < lanes; ++k) {
            const int32_t multiplier = ef_stream_int32(at + 8 * k);
            const int32_t rounding = ef_stream_int32(at + 8 * k + 4);
            const int32_t shift = (uint8_t)at[8 * lanes + k];
            const int32_t high = (int32_t)(((int64_t)acc2[k] * multiplier + ((int64_t)1 << 31)) >> 32);
            const int32_t value = (high + rounding + (acc2[k] < 0 ? -1 : 0)) >> shift;
            out[c + k] = (int8_t)ef_clamp_i32(value, activation_min, activation_max);
        }
        at += 8 * lanes + 4;
    }
}

#endif /* EF_PACKED_STREAM_H */
