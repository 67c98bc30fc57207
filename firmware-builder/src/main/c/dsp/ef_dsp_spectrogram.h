/* Spectrogram block (twin of dev.edgeforge.core.dsp.SpectrogramBlock): the power spectrum of each frame; with log
 * scale each bin becomes clip((10 log10(max(p, 1e-30)) - floor) / (12 - floor), 0, 1). */
#ifndef EF_DSP_SPECTROGRAM_H
#define EF_DSP_SPECTROGRAM_H

#include "ef_dsp_frames.h"

/* Scratch floats: one FFT buffer. */
#define EF_DSP_SPECTROGRAM_SCRATCH_FLOATS(fft_length) (fft_length)

typedef struct {
    ef_dsp_frames_params frames;
    uint32_t log_scale; /* 1: normalised dB, 0: linear power */
    float noise_floor_db;
} ef_dsp_spectrogram_params;

/* signal: sample_count audio counts; out: frame_count * (n/2 + 1) floats, frame after frame. */
void ef_dsp_spectrogram(const ef_dsp_spectrogram_params *p, const void *signal, float *scratch, float *out);

#endif
