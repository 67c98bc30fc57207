package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edgeforge.core.dsp.ParameterError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Image input: every image becomes one window of {@code width × height} pixels (see {@link ImageResizer}); defaults
 * 96×96, fit shortest axis, RGB.
 *
 * @param width      window width in pixels, 1..2048
 * @param height     window height in pixels, 1..2048
 * @param resizeMode how other aspect ratios are handled
 * @param colorDepth RGB (3 planes) or grayscale (1 plane)
 * @param background the colour transparent pixels are flattened onto when features are made, {@code #rrggbb}
 *                   (issue #20); white by default, and then left out of the JSON so that the features of impulses
 *                   saved before it existed keep their cache key. Devices are unaffected: a camera has no alpha.
 */
public record ImageInput(
        int width,
        int height,
        ResizeMode resizeMode,
        ColorDepth colorDepth,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = WhiteBackground.class)
        String background)
        implements InputBlock {

    public static final String TYPE = "image";

    /** White, as a viewer shows transparency on a page. */
    public static final String DEFAULT_BACKGROUND = "#ffffff";

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public ImageInput {
        background = background == null ? DEFAULT_BACKGROUND : background.toLowerCase(Locale.ROOT);
    }

    /** An image input with the white background. */
    public ImageInput(int width, int height, ResizeMode resizeMode, ColorDepth colorDepth) {
        this(width, height, resizeMode, colorDepth, DEFAULT_BACKGROUND);
    }

    /** The background as {@code 0xRRGGBB}; call after {@link #check()} found nothing wrong. */
    public int backgroundRgb() {
        if (!HEX_COLOUR.matcher(background).matches()) {
            throw new IllegalStateException("input.background '" + printable(background) + "' was not checked");
        }
        return Integer.parseInt(background.substring(1), 16);
    }

    /** Jackson's filter for {@code background}: equal to the default means left out. */
    static final class WhiteBackground {
        @Override
        public boolean equals(Object value) {
            return DEFAULT_BACKGROUND.equals(value);
        }

        @Override
        public int hashCode() {
            return DEFAULT_BACKGROUND.hashCode();
        }
    }

    @JsonCreator
    static ImageInput fromJson(
            @JsonProperty("width") Integer width,
            @JsonProperty("height") Integer height,
            @JsonProperty("resizeMode") ResizeMode resizeMode,
            @JsonProperty("colorDepth") ColorDepth colorDepth,
            @JsonProperty("background") String background) {
        return new ImageInput(
                width == null ? 96 : width,
                height == null ? 96 : height,
                resizeMode == null ? ResizeMode.FIT_SHORTEST : resizeMode,
                colorDepth == null ? ColorDepth.RGB : colorDepth,
                background);
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
        if (!HEX_COLOUR.matcher(background).matches()) {
            errors.add(new ParameterError(
                    "input.background",
                    "must be a colour as #rrggbb (e.g. #ffffff for white), got '" + printable(background) + "'"));
        }
        return errors;
    }

    /** At most 40 characters of what was sent, control characters shown as '?', for the error message. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
