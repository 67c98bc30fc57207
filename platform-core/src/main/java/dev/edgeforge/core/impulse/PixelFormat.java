package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a camera delivers a frame: bytes per pixel and their meaning; row-major, no padding between rows. */
public enum PixelFormat {
    /** One byte of luminance per pixel. */
    @JsonProperty("grayscale")
    GRAYSCALE(1),
    /**
     * Two bytes per pixel, big-endian as OV7670/OV2640-class sensors send them: {@code RRRRRGGG GGGBBBBB}. Each
     * channel is widened to 8 bits by repeating its top bits ({@code r8 = r5 << 3 | r5 >> 2}).
     */
    @JsonProperty("rgb565")
    RGB565(2),
    /** Three bytes per pixel: red, green, blue. */
    @JsonProperty("rgb888")
    RGB888(3);

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
