package dev.edgeforge.core.impulse;

/**
 * Camera frames in a {@link PixelFormat}: what a device's camera hands the image block. The server makes them from
 * pictures (to verify the device's own preprocessing on them) and reads them back exactly as the device does
 * ({@code ef_dsp_image.c}).
 */
public final class CameraFrame {

    private CameraFrame() {}

    /**
     * A picture as a camera of {@code width × height} would deliver it: squashed to the camera's size with the
     * integer resize, then encoded (grayscale: BT.601 luminance; RGB565: the top 5/6/5 bits).
     */
    public static byte[] of(RgbImage picture, int width, int height, PixelFormat format) {
        RgbImage sized = picture;
        if (picture.width() != width || picture.height() != height) {
            float[][] planes =
                    ImageResizer.resize(picture, new ImageInput(width, height, ResizeMode.SQUASH, ColorDepth.RGB));
            int[] pixels = new int[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = ((int) planes[0][i] << 16) | ((int) planes[1][i] << 8) | (int) planes[2][i];
            }
            sized = new RgbImage(width, height, pixels);
        }
        return encode(sized, format);
    }

    /** The picture's pixels in {@code format}, as they are (no resize). */
    public static byte[] encode(RgbImage image, PixelFormat format) {
        int[] pixels = image.pixels();
        byte[] out = new byte[pixels.length * format.bytesPerPixel()];
        for (int i = 0; i < pixels.length; i++) {
            int r = (pixels[i] >> 16) & 0xFF;
            int g = (pixels[i] >> 8) & 0xFF;
            int b = pixels[i] & 0xFF;
            switch (format) {
                case GRAYSCALE -> out[i] = (byte) ImageResizer.luminance(r, g, b);
                case RGB565 -> {
                    int v = ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3);
                    out[2 * i] = (byte) (v >> 8);
                    out[2 * i + 1] = (byte) v;
                }
                case RGB888 -> {
                    out[3 * i] = (byte) r;
                    out[3 * i + 1] = (byte) g;
                    out[3 * i + 2] = (byte) b;
                }
            }
        }
        return out;
    }

    /**
     * A frame back as RGB pixels, as the device reads it: grayscale as grey, RGB565 widened to 8 bits per channel.
     *
     * @throws IllegalArgumentException when the frame has not {@code width × height} pixels of the format
     */
    public static RgbImage decode(byte[] frame, int width, int height, PixelFormat format) {
        int count = width * height;
        if (frame.length != count * format.bytesPerPixel()) {
            throw new IllegalArgumentException(
                    "a " + width + "×" + height + " " + format.name().toLowerCase() + " frame has "
                            + count * format.bytesPerPixel() + " bytes, got " + frame.length);
        }
        int[] pixels = new int[count];
        for (int i = 0; i < count; i++) {
            int r;
            int g;
            int b;
            switch (format) {
                case GRAYSCALE -> {
                    r = frame[i] & 0xFF;
                    g = r;
                    b = r;
                }
                case RGB565 -> {
                    int v = ((frame[2 * i] & 0xFF) << 8) | (frame[2 * i + 1] & 0xFF);
                    int r5 = v >> 11;
                    int g6 = (v >> 5) & 0x3F;
                    int b5 = v & 0x1F;
                    r = (r5 << 3) | (r5 >> 2);
                    g = (g6 << 2) | (g6 >> 4);
                    b = (b5 << 3) | (b5 >> 2);
                }
                default -> {
                    r = frame[3 * i] & 0xFF;
                    g = frame[3 * i + 1] & 0xFF;
                    b = frame[3 * i + 2] & 0xFF;
                }
            }
            pixels[i] = (r << 16) | (g << 8) | b;
        }
        return new RgbImage(width, height, pixels);
    }
}
