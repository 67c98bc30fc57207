package dev.edgeforge.core.dsp;

/**
 * What a processing block receives for one window: {@code axisCount} axes of {@code sampleCount} samples each,
 * sampled at {@code frequencyHz}. For images the axes are colour planes (R, G, B or one luminance plane) of
 * {@code width × height} pixels in row-major order, and {@code frequencyHz} is 0.
 *
 * @param axisCount   number of axes (or colour planes)
 * @param sampleCount samples per axis in one window (pixels per plane for images)
 * @param frequencyHz sampling frequency of the window, 0 for images
 * @param width       image width in pixels, 0 for time series
 * @param height      image height in pixels, 0 for time series
 */
public record SignalShape(int axisCount, int sampleCount, double frequencyHz, int width, int height) {

    public SignalShape {
        if (axisCount < 1 || sampleCount < 1) {
            throw new IllegalArgumentException("a signal needs at least one axis and one sample, got " + axisCount
                    + " axes × " + sampleCount + " samples");
        }
    }

    /** A time-series window (sensor or audio). */
    public static SignalShape timeSeries(int axisCount, int sampleCount, double frequencyHz) {
        return new SignalShape(axisCount, sampleCount, frequencyHz, 0, 0);
    }

    /** An image window of {@code channels} planes. */
    public static SignalShape image(int width, int height, int channels) {
        return new SignalShape(channels, width * height, 0, width, height);
    }

    /** Whether this is an image (width and height set). */
    public boolean isImage() {
        return width > 0 && height > 0;
    }

    /** Half the sampling frequency: the highest frequency the window can represent. */
    public double nyquistHz() {
        return frequencyHz / 2;
    }
}
