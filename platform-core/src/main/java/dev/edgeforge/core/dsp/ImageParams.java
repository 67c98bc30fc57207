package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Image block: the resized colour planes of an image input (RGB or luminance, chosen on the input block) laid out
 * height × width × channels and normalised.
 *
 * @param normalization how 0..255 maps to features (default 0..1)
 */
public record ImageParams(ImageNormalization normalization) implements DspParams {

    public static final String TYPE = "image";

    @JsonCreator
    static ImageParams fromJson(@JsonProperty("normalization") ImageNormalization normalization) {
        return new ImageParams(Defaults.or(normalization, ImageNormalization.ZERO_TO_ONE));
    }

    public static ImageParams defaults() {
        return new ImageParams(ImageNormalization.ZERO_TO_ONE);
    }

    @Override
    public DspBlock createBlock() {
        return new ImageBlock(this);
    }
}
