/* Reading a raw window in its native sample type (dev.edgeforge.core.device.WindowSample): audio windows are int16
 * counts, other sensor windows float32. The DSP blocks read their window only through the reader the generator put
 * in their params (the generator knows the type; nothing switches on it at run time), so the image buffers the
 * window as small as its samples are. */
#ifndef EF_DSP_SIGNAL_H
#define EF_DSP_SIGNAL_H

#include <stdint.h>

/* out[i] = window[first + i * stride] * scale for i < count, as float. */
typedef void (*ef_dsp_reader)(const void *window, uint32_t first, uint32_t stride, uint32_t count, float scale,
                              float *out);

/* The window is float32 values. */
void ef_dsp_read_f32(const void *window, uint32_t first, uint32_t stride, uint32_t count, float scale, float *out);

/* The window is int16 values (every int16 is exact in float32, so the values are the same as read as float32). */
void ef_dsp_read_s16(const void *window, uint32_t first, uint32_t stride, uint32_t count, float scale, float *out);

#endif
