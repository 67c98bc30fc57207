package dev.edgeforge.core.model;

/** Spatial padding of convolutions and pools, with TFLite's output-size rules. */
public enum Padding {
    /** Output size is {@code ceil(in / stride)}; the input is padded (mostly at the end) with zeros. */
    SAME,
    /** No padding: output size is {@code ceil((in - effectiveFilter + 1) / stride)}. */
    VALID;

    /**
     * Output size along one spatial axis, as TFLite's {@code ComputeOutSize}.
     *
     * @return the size, or 0 when the filter does not fit at all
     */
    public int outputSize(int inputSize, int filterSize, int stride, int dilation) {
        int effectiveFilter = (filterSize - 1) * dilation + 1;
        return switch (this) {
            case SAME -> (inputSize + stride - 1) / stride;
            case VALID -> Math.max(0, (inputSize + stride - effectiveFilter) / stride);
        };
    }

    /**
     * Padding before the first element along one axis, as TFLite's {@code ComputePadding} (0 for VALID).
     */
    public int paddingBefore(int inputSize, int filterSize, int stride, int dilation, int outputSize) {
        if (this == VALID) {
            return 0;
        }
        int effectiveFilter = (filterSize - 1) * dilation + 1;
        int padding = ((outputSize - 1) * stride + effectiveFilter - inputSize) / 2;
        return Math.max(padding, 0);
    }
}
