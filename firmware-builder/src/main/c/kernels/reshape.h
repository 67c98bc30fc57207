/* RESHAPE: the bytes do not change. When the memory planner gives input and output the same arena
 * offset the generator emits no call at all; otherwise this copies. */
#ifndef EF_KERNEL_RESHAPE_H
#define EF_KERNEL_RESHAPE_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    int32_t size_bytes;
} ef_reshape_params;

/* input and output may overlap. */
ef_status ef_reshape(const ef_reshape_params *params, const void *input, void *output);

#endif /* EF_KERNEL_RESHAPE_H */
