package dev.edgeforge.core.format.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decoded pixels, 8 bits per channel, row-major and interleaved: the value of channel {@code c} of pixel
 * {@code (x, y)} is at {@code (y * width + x) * channels + c}. Channels are as in {@link ImageHeader#channels()}
 * (gray, gray + alpha, RGB or RGBA). Deeper images are scaled down to 8 bits.
 */
public final class ImagePixels {

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] data;

    ImagePixels(int width, int height, int channels, byte[] data) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** Channel {@code c} of pixel {@code (x, y)}, 0..255. */
    public int get(int x, int y, int c) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        Objects.checkIndex(c, channels);
        return data[(y * width + x) * channels + c] & 0xFF;
    }

    /** A copy of the interleaved bytes (unsigned). */
    public byte[] bytes() {
        return data.clone();
    }

    /** The interleaved values scaled to 0..1, as image DSP blocks take them. */
    public float[] toFloats() {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (data[i] & 0xFF) / 255f;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImagePixels p
                && p.width == width
                && p.height == height
                && p.channels == channels
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "ImagePixels[" + width + "x" + height + "x" + channels + "]";
    }
}
