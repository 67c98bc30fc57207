package dev.edgeforge.core.impulse;

/**
 * The integer form of a {@link ResizeGeometry}: for every output column its two source columns and the second's
 * weight in 1/256 ({@link ImageResizer#WEIGHT_ONE}), the same for rows. The server's resize uses it, and the firmware
 * builder emits it as constant tables for the device, so both read the same pixels with the same weights.
 *
 * @param geometry where output pixels sample the source (and the content rectangle)
 * @param x        per output column
 * @param y        per output row
 */
public record ResizePlan(ResizeGeometry geometry, Axis x, Axis y) {

    /**
     * Taps along one axis.
     *
     * @param first  the lower source index per output index
     * @param second the upper source index ({@code first + 1}, or {@code first} at the edge)
     * @param weight the upper one's weight 0..256; the lower one's is {@code 256 − weight}
     */
    public record Axis(int[] first, int[] second, int[] weight) {}
}
