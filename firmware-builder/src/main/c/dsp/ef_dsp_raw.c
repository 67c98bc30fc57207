#include "ef_dsp_raw.h"

void ef_dsp_raw(const ef_dsp_raw_params *p, const void *signal, float *out)
{
    p->read(signal, 0u, 1u, p->axis_count * p->sample_count, p->scale, out);
}
