/*
 * FULLY_CONNECTED, int8, symmetric weights, on a stream the generator packed for the matrix-multiply tiles of the
 * optimized kernels (the stream of conv2d_packed.h with patch_size = accum_depth). Bit-exact with TFLM's
 * reference_integer_ops::FullyConnected for every layer the generator hands to it (otherwise it emits
 * ef_fully_connected_s8).
 *
 * In place: batch rows are written in order, each after its input row has been read (into scratch). A single row
 * whose depth is a multiple of 8 (accum_depth == accum_stride) is read where it is: no scratch (scratch may be
 * NULL), and the output must not overlap the input.
 */
#ifndef EF_KERNEL_FULLY_CONNECTED_PACKED_H
#define EF_KERNEL_FULLY_CONNECTED_PACKED_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t batches;
    int32_t accum_depth;
    int32_t accum_stride; /* accum_depth rounded up to a multiple of 8 */
    int32_t output_depth;
    int32_t activation_min;
    int32_t activation_max;
} ef_fully_connected_packed_params;

/* Bytes of scratch the kernels need (0 for one row of whole blocks). */
#define EF_FULLY_CONNECTED_PACKED_SCRATCH_BYTES(batches, accum_depth, accum_stride)                                    \
    ((batches) == 1 && (accum_depth) == (accum_stride) ? 0 : 4 * (accum_stride))

ef_status ef_fully_connected_packed_s8(const ef_fully_connected_packed_params *params, const int8_t *input,
                                       const int8_t *packed, int8_t *output, void *scratch);

#endif /* EF_KERNEL_FULLY_CONNECTED_PACKED_H */
