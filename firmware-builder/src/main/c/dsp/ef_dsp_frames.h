/* The front end shared by the audio blocks (twin of dev.edgeforge.core.dsp.FrameSpectra): audio counts scaled to
 * full scale, optional pre-emphasis y[i] = x[i] - c x[i-1] (y[0] = x[0]), frames of frame_length samples every
 * frame_stride, the first fft_input_length samples of each (optionally tapered) zero-padded to the FFT length,
 * power spectrum |X|^2 / n. Also the mel filterbank (twin of dev.edgeforge.core.dsp.MelFilterbank). */
#ifndef EF_DSP_FRAMES_H
#define EF_DSP_FRAMES_H

#include <stdint.h>

#include "ef_dsp_fft.h"
#include "ef_dsp_signal.h"

/* 10 log10(x) = (10 / ln 10) ln x: logf is about a quarter cheaper than log10f on the Cortex-M4F (newlib). */
#define EF_DSP_DB_PER_NEPER 4.342944819f

typedef struct {
    uint32_t sample_count;
    float input_scale;  /* 1 / 32768: int16 counts to full scale */
    float pre_emphasis; /* 0: none */
    uint32_t frame_length;
    uint32_t frame_stride;
    uint32_t frame_count;
    uint32_t fft_input_length; /* min(frame_length, fft length) */
    ef_rfft_plan fft;
    const float *window; /* fft_input_length coefficients, or 0 (rectangular) */
    ef_dsp_reader read;  /* the window's sample type */
} ef_dsp_frames_params;

typedef struct {
    uint32_t filter_count;
    const uint16_t *starts;  /* first bin of each filter */
    const uint16_t *lengths; /* non-zero weights of each filter (may be 0) */
    const float *weights;    /* all filters' weights, one after the other */
} ef_dsp_mel_filters;

/* Power spectrum of frame `frame` of `signal` into buf[0 .. n/2]; buf holds n floats. */
void ef_dsp_frame_power(const ef_dsp_frames_params *p, const void *signal, uint32_t frame, float *buf);

/* energies[i] = sum of weights of filter i times the power bins it covers. */
void ef_dsp_mel_energies(const ef_dsp_mel_filters *f, const float *power, float *energies);

#endif
