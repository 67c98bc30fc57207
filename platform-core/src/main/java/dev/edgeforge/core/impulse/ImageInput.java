package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edgeforge.core.dsp.ParameterError;
import java.util.ArrayList;
import java.util.List;

/**
 * Image input: every image becomes one window of {@code width × height} pixels (see {@link ImageResizer}); defaults
 * 96×96, fit shortest axis, RGB.
 *
 * @param width      window width in pixels, 1..2048
 * @param height     window height in pixels, 1..2048
 * @param resizeMode how other aspect ratios are handled
 * @param colorDepth RGB (3 planes) or grayscale (1 plane)
 */
public record ImageInput(int width, int height, ResizeMode resizeMode, ColorDepth colorDepth) implements InputBlock {

    public static final String TYPE = "image";

    @JsonCreator
    static ImageInput fromJson(
            @JsonProperty("width") Integer width,
            @JsonProperty("height") Integer height,
            @JsonProperty("resizeMode") ResizeMode resizeMode,
            @JsonProperty("colorDepth") ColorDepth colorDepth) {
        return new ImageInput(
                width == null ? 96 : width,
                height == null ? 96 : height,
                resizeMode == null ? ResizeMode.FIT_SHORTEST : resizeMode,
                colorDepth == null ? ColorDepth.RGB : colorDepth);
    }

    public static ImageInput defaults() {
        return new ImageInput(96, 96, ResizeMode.FIT_SHORTEST, ColorDepth.RGB);
    }

    @Override
    public List<ParameterError> check() {
        List<ParameterError> errors = new ArrayList<>();
        if (width < 1 || width > 2048) {
            errors.add(new ParameterError("input.width", "must be between 1 and 2048 pixels, got " + width));
        }
        if (height < 1 || height > 2048) {
            errors.add(new ParameterError("input.height", "must be between 1 and 2048 pixels, got " + height));
        }
        if (resizeMode == null) {
            errors.add(new ParameterError("input.resizeMode", "must be squash, fit-shortest or fit-longest"));
        }
        if (colorDepth == null) {
            errors.add(new ParameterError("input.colorDepth", "must be rgb or grayscale"));
        }
        return errors;
    }
}
