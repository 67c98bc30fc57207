package dev.edgeforge.core.impulse;

/**
 * A decoded image: {@code width × height} pixels in row-major order, each {@code 0xRRGGBB} (alpha, if present in
 * the top byte, is ignored) — the layout of {@code BufferedImage.getRGB} and of Edge Impulse's image values.
 *
 * @param width  pixels per row
 * @param height rows
 * @param pixels {@code width·height} packed RGB values
 */
public record RgbImage(int width, int height, int[] pixels) {

    public RgbImage {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("an image of " + width + "×" + height + " needs "
                    + ((long) width * height) + " pixels, got " + pixels.length);
        }
    }
}
