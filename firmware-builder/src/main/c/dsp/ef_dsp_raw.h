/* Raw block (twin of dev.edgeforge.core.dsp.RawBlock): out[i] = signal[i] * scale over the interleaved window. */
#ifndef EF_DSP_RAW_H
#define EF_DSP_RAW_H

#include <stdint.h>

#include "ef_dsp_signal.h"

typedef struct {
    uint32_t axis_count;
    uint32_t sample_count;
    float scale;
    ef_dsp_reader read; /* the window's sample type */
} ef_dsp_raw_params;

/* signal: sample_count * axis_count values, interleaved (s0.ax0, s0.ax1, ...); out: as many floats. */
void ef_dsp_raw(const ef_dsp_raw_params *p, const void *signal, float *out);

#endif
