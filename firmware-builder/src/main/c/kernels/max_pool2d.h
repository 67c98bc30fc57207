/* MAX_POOL_2D, int8. Same math as TFLM reference_integer_ops::MaxPool. */
#ifndef EF_KERNEL_MAX_POOL2D_H
#define EF_KERNEL_MAX_POOL2D_H

#include <stdint.h>
#include "ef/ef_status.h"
#include "pool2d.h"

ef_status ef_max_pool2d_s8(const ef_pool2d_params *params, const int8_t *input, int8_t *output);

#endif /* EF_KERNEL_MAX_POOL2D_H */
