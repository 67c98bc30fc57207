package dev.edgeforge.core.quantization;

/** How activation ranges are taken from the calibration set. */
public enum CalibrationMethod {
    /** The smallest and largest value seen (TFLite's converter does this). */
    MIN_MAX,
    /** The given lower and upper percentiles of all values seen, which ignores rare outliers. */
    PERCENTILE,
    /**
     * The range whose int8 grid represents the values seen with the least mean squared error: rounding error inside,
     * clipping error outside, over candidate ranges cut at tail shares from 0 to 1 % on each side. It cuts long thin
     * tails (where a finer grid for every value saves more than the few clipped values lose) and keeps ranges whose
     * values are spread out; a few values far out still count with their squared distance, so it keeps them too.
     */
    MSE
}
