/* Image block with the image input's resize (twins of dev.edgeforge.core.impulse.ImageResizer, CameraFrame and
 * dev.edgeforge.core.dsp.ImageBlock), in integer arithmetic: a camera frame (grayscale, RGB565 big-endian or RGB888,
 * row-major) is resampled bilinearly to width x height with the tap indices and 8-bit weights computed in Java
 * (ResizePlan), optionally reduced to BT.601 luminance ((77 R + 150 G + 29 B + 128) >> 8), and each 0..255 value
 * becomes the network's int8 input through a 256-entry table (the block's normalisation and the input tensor's
 * quantization, computed in Java). Pixels outside the content rectangle are black padding. The output is the model's
 * input tensor: no float features are kept. Bit for bit the server's preprocessing. */
#ifndef EF_DSP_IMAGE_H
#define EF_DSP_IMAGE_H

#include <stdint.h>

typedef struct {
    uint32_t source_width;
    uint32_t source_height;
    uint32_t bytes_per_pixel; /* 1: grayscale, 2: RGB565 (big-endian), 3: RGB888 */
    uint32_t width;
    uint32_t height;
    uint32_t channels;   /* 3: RGB, 1: luminance */
    uint32_t content_x0; /* output pixels outside [x0, x1) x [y0, y1) are padding */
    uint32_t content_y0;
    uint32_t content_x1;
    uint32_t content_y1;
    const uint16_t *x_first; /* per output column: left source column, right one, the right one's weight 0..256 */
    const uint16_t *x_second;
    const uint16_t *x_weight;
    const uint16_t *y_first; /* per output row: the same for rows */
    const uint16_t *y_second;
    const uint16_t *y_weight;
    const int8_t *to_input; /* 256 entries: pixel value 0..255 -> int8 input value */
} ef_dsp_image_params;

/* frame: source_width * source_height * bytes_per_pixel bytes; out: height * width * channels int8 (HWC). */
void ef_dsp_image(const ef_dsp_image_params *p, const uint8_t *frame, int8_t *out);

#endif
