/* RESHAPE: a copy (memmove, since the planner may overlap input and output). */
#include <string.h>
#include "reshape.h"

ef_status ef_reshape(const ef_reshape_params *params, const void *input, void *output)
{
    if (input != output) {
        memmove(output, input, (size_t)params->size_bytes);
    }
    return EF_OK;
}
