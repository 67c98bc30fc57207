/* FULLY_CONNECTED int8 on a packed stream, portable C99: each batch row copied into scratch (so the output may overlap
 * the input as the header describes), then one dot product per output. */
#include <string.h>
#include "fully_connected_packed.h"
#include "ef_packed_stream.h"

ef_status ef_fully_connected_packed_s8(const ef_fully_connected_packed_params *p, const int8_t *input,
                                       const int8_t *packed, int8_t *output, void *scratch)
{
    if (p->batches == 1 && p->accum_depth == p->accum_stride) {
        /* As the optimized kernels: no scratch for one row of whole blocks; the output must not overlap the input. */
        ef_stream_pixel(packed, p->output_depth, p->accum_stride, input, p->activation_min, p->activation_max, output);
        return EF_OK;
    }
    int8_t *row = (int8_t *)scratch;
    for (int32_t b = 0; b < p->batches; ++b) {
        memcpy(row, input + b * p->accum_depth, (size_t)p->accum_depth);
        memset(row + p->accum_depth, 0, (size_t)(p->accum_stride - p->accum_depth));
        ef_stream_pixel(packed, p->output_depth, p->accum_stride, row, p->activation_min, p->activation_max,
                        output + b * p->output_depth);
    }
    return EF_OK;
}
