/* MFCC block (twin of dev.edgeforge.core.dsp.MfccBlock): mel energies of each frame, natural log floored at
 * max(strongest band * relative_floor, log_floor), then the DCT-II matrix with the lifter folded in (coefficient_count x filter_count, from Java). */
#ifndef EF_DSP_MFCC_H
#define EF_DSP_MFCC_H

#include "ef_dsp_frames.h"

/* Scratch floats: one FFT buffer and the log energies of a frame. */
#define EF_DSP_MFCC_SCRATCH_FLOATS(fft_length, filter_count) ((fft_length) + (filter_count))

typedef struct {
    ef_dsp_frames_params frames;
    ef_dsp_mel_filters mel;
    uint32_t coefficient_count;
    const float *dct;     /* [coefficient][filter], liftered */
    float log_floor;      /* 1e-10: silence */
    float relative_floor; /* 1e-8: 80 dB under the frame's strongest band */
} ef_dsp_mfcc_params;

/* signal: sample_count audio counts; out: frame_count * coefficient_count floats, frame after frame. */
void ef_dsp_mfcc(const ef_dsp_mfcc_params *p, const void *signal, float *scratch, float *out);

#endif
