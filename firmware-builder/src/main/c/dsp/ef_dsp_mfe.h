/* MFE block (twin of dev.edgeforge.core.dsp.MfeBlock): mel energies of each frame, then
 * clip((10 log10(max(e, 1e-30)) - floor) / (12 - floor), 0, 1). */
#ifndef EF_DSP_MFE_H
#define EF_DSP_MFE_H

#include "ef_dsp_frames.h"

/* Scratch floats: one FFT buffer. */
#define EF_DSP_MFE_SCRATCH_FLOATS(fft_length) (fft_length)

typedef struct {
    ef_dsp_frames_params frames;
    ef_dsp_mel_filters mel;
    float noise_floor_db;
} ef_dsp_mfe_params;

/* signal: sample_count audio counts; out: frame_count * filter_count floats, frame after frame. */
void ef_dsp_mfe(const ef_dsp_mfe_params *p, const void *signal, float *scratch, float *out);

#endif
