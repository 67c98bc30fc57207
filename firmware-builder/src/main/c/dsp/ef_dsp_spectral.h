/* Spectral analysis block (twin of dev.edgeforge.core.dsp.SpectralAnalysisBlock; its Javadoc is the numerical
 * contract). Per axis: scale, optional Butterworth cascade (direct form II transposed, zero initial state), mean
 * removal, RMS / skewness / excess kurtosis, max-held power spectrum of Hann-tapered segments (bins 1..n/2),
 * optionally log10 floored 60 dB under the strongest bin, then the strongest spectral peaks as
 * (frequency Hz, power) pairs in increasing frequency. */
#ifndef EF_DSP_SPECTRAL_H
#define EF_DSP_SPECTRAL_H

#include <stdint.h>

#include "ef_dsp_signal.h"

#include "ef_dsp_fft.h"

/* Features per axis for an FFT length and a peak count. */
#define EF_DSP_SPECTRAL_FEATURES_PER_AXIS(fft_length, peak_count) (3u + (fft_length) / 2u + 2u * (peak_count))
/* Scratch floats: the axis, one FFT buffer, the max-hold spectrum. */
#define EF_DSP_SPECTRAL_SCRATCH_FLOATS(sample_count, fft_length)                                                       \
    ((sample_count) + (fft_length) + (fft_length) / 2u + 1u)

typedef struct {
    uint32_t axis_count;
    uint32_t sample_count;
    float scale;
    ef_dsp_reader read;     /* the window's sample type */
    uint32_t section_count; /* 0: no filter */
    const float *sections;  /* 5 per section: b0 b1 b2 a1 a2 (a0 = 1) */
    ef_rfft_plan fft;
    uint32_t segment_length; /* min(fft length, sample_count) */
    uint32_t hop;
    uint32_t segment_count;
    const float *taper;   /* segment_length Hann coefficients */
    uint32_t log_output;  /* 1: log10 of powers */
    float relative_floor; /* 1e-6 */
    float absolute_floor; /* 1e-30 */
    uint32_t peak_count;
    float peak_threshold; /* fraction of the strongest bin */
    float bin_hz;         /* frequency / fft length */
} ef_dsp_spectral_params;

/* signal: interleaved window; scratch: EF_DSP_SPECTRAL_SCRATCH_FLOATS floats;
 * out: axis_count * EF_DSP_SPECTRAL_FEATURES_PER_AXIS floats. */
void ef_dsp_spectral(const ef_dsp_spectral_params *p, const void *signal, float *scratch, float *out);

#endif
