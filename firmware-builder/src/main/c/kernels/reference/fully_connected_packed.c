/* FULLY_CONNECTED int8 on packed weights, portable C99: each batch row copied into scratch, then one dot product per
 * output. */
#include <string.h>
#include "fully_connected_packed.h"
#include "ef_fixedpoint.h"

static int32_t packed_index(int32_t c, int32_t k, int32_t output_depth, int32_t stride)
{
    const int32_t block = k / 4;
    const int32_t lane = k % 4;
    if (c == output_depth - 1 && output_depth % 2 == 1) {
        return c * stride + block * 4 + lane;
    }
    return (c / 2) * 2 * stride + block * 8 + (c % 2) * 4 + lane;
}

ef_status ef_fully_connected_packed_s8(const ef_fully_connected_packed_params *p, const int8_t *input,
                                       const int8_t *weights, int8_t *output, void *scratch)
{
    const ef_requant *rq = &p->requant;
    int8_t *row = (int8_t *)scratch;
    for (int32_t b = 0; b < p->batches; ++b) {
        memcpy(row, input + b * p->accum_depth, (size_t)p->accum_depth);
        int8_t *out = output + b * p->output_depth;
        for (int32_t c = 0; c < p->output_depth; ++c) {
            int32_t acc2 = rq->bias[c];
            for (int32_t k = 0; k < p->accum_depth; ++k) {
                acc2 += 2 * (int32_t)row[k] * weights[packed_index(c, k, p->output_depth, p->accum_stride)];
            }
            const int32_t value = ef_requant_portable(rq, c, acc2);
            out[c] = (int8_t)ef_clamp_i32(value, rq->activation_min, rq->activation_max);
        }
    }
    return EF_OK;
}
