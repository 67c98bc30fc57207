package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edgeforge.core.impulse.PixelFormat;

/**
 * Image block: the resized colour planes of an image input (RGB or luminance, chosen on the input block) laid out
 * height × width × channels and normalised. On the device the block takes the camera's frames as they come: the
 * camera's resolution and pixel format are set here (the server's pictures are any size; the device's frames are
 * this one).
 *
 * @param normalization how 0..255 maps to features (default 0..1)
 * @param cameraWidth   width of the device camera's frames in pixels, 1..2048; 0: the image input's width
 * @param cameraHeight  height of the device camera's frames, 1..2048; 0: the image input's height
 * @param pixelFormat   how the camera delivers pixels (default RGB888)
 */
public record ImageParams(ImageNormalization normalization, int cameraWidth, int cameraHeight, PixelFormat pixelFormat)
        implements DspParams {

    public static final String TYPE = "image";

    /** Frames of the image input's size in RGB888. */
    public ImageParams(ImageNormalization normalization) {
        this(normalization, 0, 0, PixelFormat.RGB888);
    }

    @JsonCreator
    static ImageParams fromJson(
            @JsonProperty("normalization") ImageNormalization normalization,
            @JsonProperty("cameraWidth") Integer cameraWidth,
            @JsonProperty("cameraHeight") Integer cameraHeight,
            @JsonProperty("pixelFormat") PixelFormat pixelFormat) {
        return new ImageParams(
                Defaults.or(normalization, ImageNormalization.ZERO_TO_ONE),
                cameraWidth == null ? 0 : cameraWidth,
                cameraHeight == null ? 0 : cameraHeight,
                Defaults.or(pixelFormat, PixelFormat.RGB888));
    }

    public static ImageParams defaults() {
        return new ImageParams(ImageNormalization.ZERO_TO_ONE);
    }

    /** The camera's frame width for an image input of {@code inputWidth}. */
    public int frameWidth(int inputWidth) {
        return cameraWidth > 0 ? cameraWidth : inputWidth;
    }

    /** The camera's frame height for an image input of {@code inputHeight}. */
    public int frameHeight(int inputHeight) {
        return cameraHeight > 0 ? cameraHeight : inputHeight;
    }

    @Override
    public DspBlock createBlock() {
        return new ImageBlock(this);
    }
}
