/* Image block with the image input's resize (twins of dev.edgeforge.core.impulse.ImageResizer and
 * dev.edgeforge.core.dsp.ImageBlock): a camera frame (RGB888, interleaved, row-major) is resampled bilinearly
 * to width x height per the geometry computed in Java (ResizeGeometry), optionally reduced to BT.601 luminance,
 * and normalised v * out_scale + out_offset; pixels outside the content rectangle are black padding. */
#ifndef EF_DSP_IMAGE_H
#define EF_DSP_IMAGE_H

#include <stdint.h>

typedef struct {
    uint32_t source_width;
    uint32_t source_height;
    uint32_t width;
    uint32_t height;
    uint32_t channels; /* 3: RGB, 1: luminance */
    float scale_x;     /* source x = (x + 0.5) * scale_x - 0.5 + offset_x */
    float scale_y;
    float offset_x;
    float offset_y;
    uint32_t content_x0; /* output pixels outside [x0, x1) x [y0, y1) are padding */
    uint32_t content_y0;
    uint32_t content_x1;
    uint32_t content_y1;
    float out_scale;
    float out_offset;
} ef_dsp_image_params;

/* rgb: source_width * source_height * 3 bytes; out: height * width * channels floats (HWC). */
void ef_dsp_image(const ef_dsp_image_params *p, const uint8_t *rgb, float *out);

#endif
