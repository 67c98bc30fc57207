package dev.edgeforge.core.format.image;

/**
 * What an image file's header says, read without decoding the pixels.
 *
 * @param type     PNG or JPEG
 * @param width    pixels
 * @param height   pixels
 * @param channels channels after decoding: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA (a palette PNG is RGB, or RGBA
 *                 with a {@code tRNS} chunk)
 * @param bitDepth bits per channel in the file (1, 2, 4, 8 or 16 for PNG; 8 or 12 for JPEG)
 */
public record ImageHeader(ImageType type, int width, int height, int channels, int bitDepth) {

    public long pixelCount() {
        return (long) width * height;
    }
}
