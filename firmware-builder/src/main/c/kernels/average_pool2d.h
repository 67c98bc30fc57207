/* AVERAGE_POOL_2D, int8. Same math as TFLM reference_integer_ops::AveragePool: the window is clipped
 * to the image and the mean is rounded half away from zero. */
#ifndef EF_KERNEL_AVERAGE_POOL2D_H
#define EF_KERNEL_AVERAGE_POOL2D_H

#include <stdint.h>
#include "ef/ef_status.h"
#include "pool2d.h"

/* Returns EF_ERROR_EMPTY_POOL_WINDOW if a window lies entirely in the padding. */
ef_status ef_average_pool2d_s8(const ef_pool2d_params *params, const int8_t *input, int8_t *output);

#endif /* EF_KERNEL_AVERAGE_POOL2D_H */
