package dev.edgeforge.core.quantization;

/** How activation ranges are taken from the calibration set. */
public enum CalibrationMethod {
    /** The smallest and largest value seen (TFLite's converter does this). */
    MIN_MAX,
    /** The given lower and upper percentiles of all values seen, which ignores rare outliers. */
    PERCENTILE
}
