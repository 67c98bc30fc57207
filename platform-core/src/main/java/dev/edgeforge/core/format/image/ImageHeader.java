package dev.edgeforge.core.format.image;

/**
 * What an image file's header says, read without decoding the pixels.
 *
 * @param type     PNG, JPEG, BMP, GIF or WebP
 * @param width    pixels
 * @param height   pixels
 * @param channels channels after decoding: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA (a palette PNG is RGB, or RGBA
 *                 with a {@code tRNS} chunk; a CMYK JPEG is RGB; BMP, GIF and WebP as decoded)
 * @param bitDepth bits per channel in the file (1, 2, 4, 8 or 16 for PNG; 8 or 12 for JPEG; at most 8 for BMP,
 *                 8 for GIF and WebP)
 */
public record ImageHeader(ImageType type, int width, int height, int channels, int bitDepth) {

    public long pixelCount() {
        return (long) width * height;
    }
}
