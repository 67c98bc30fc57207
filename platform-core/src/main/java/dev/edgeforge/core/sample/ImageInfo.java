package dev.edgeforge.core.sample;

/**
 * Size and channel count of an image sample, as decoded (a palette image counts as RGB, or RGBA with
 * transparency).
 *
 * @param width    pixels, &ge; 1
 * @param height   pixels, &ge; 1
 * @param channels 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA)
 */
public record ImageInfo(int width, int height, int channels) {

    public ImageInfo {
        if (width < 1 || height < 1) {
            throw new SampleDataViolation("image size " + width + "x" + height + " is not positive");
        }
        if (channels < 1 || channels > 4) {
            throw new SampleDataViolation("image has " + channels + " channels; 1 to 4 are supported");
        }
    }

    /** Number of pixels (width times height), as a long so that huge declared sizes cannot overflow. */
    public long pixelCount() {
        return (long) width * height;
    }

    /** The units string Edge Impulse uses for an image of this many channels: gray, gray-alpha, rgb or rgba. */
    public String unitsName() {
        return switch (channels) {
            case 1 -> "gray";
            case 2 -> "gray-alpha";
            case 3 -> "rgb";
            default -> "rgba";
        };
    }
}
