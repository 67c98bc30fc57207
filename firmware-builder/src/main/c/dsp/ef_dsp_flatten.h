/* Flatten block (twin of dev.edgeforge.core.dsp.FlattenBlock): per axis, the chosen statistics of the scaled
 * samples, in the fixed order average, minimum, maximum, RMS, standard deviation, skewness, kurtosis (population
 * moments; excess kurtosis). Skewness and kurtosis are 0 when the standard deviation is at most 1e-5 of the
 * largest magnitude (a flat axis: what is left is rounding noise). */
#ifndef EF_DSP_FLATTEN_H
#define EF_DSP_FLATTEN_H

#include <stdint.h>

#include "ef_dsp_signal.h"

#define EF_DSP_FLATTEN_AVERAGE (1u << 0)
#define EF_DSP_FLATTEN_MINIMUM (1u << 1)
#define EF_DSP_FLATTEN_MAXIMUM (1u << 2)
#define EF_DSP_FLATTEN_RMS (1u << 3)
#define EF_DSP_FLATTEN_STDEV (1u << 4)
#define EF_DSP_FLATTEN_SKEWNESS (1u << 5)
#define EF_DSP_FLATTEN_KURTOSIS (1u << 6)

typedef struct {
    uint32_t axis_count;
    uint32_t sample_count;
    float scale;
    ef_dsp_reader read; /* the window's sample type */
    uint32_t stats;     /* OR of EF_DSP_FLATTEN_* */
} ef_dsp_flatten_params;

/* signal: interleaved window; out: axis_count * (number of chosen stats) floats, axis after axis. */
void ef_dsp_flatten(const ef_dsp_flatten_params *p, const void *signal, float *out);

#endif
