package dev.edgeforge.core.quantization;

/**
 * Options of {@link PostTrainingQuantizer}.
 *
 * @param calibration            how activation ranges are measured
 * @param percentile             for {@link CalibrationMethod#PERCENTILE}: the upper percentile kept, e.g. 99.99
 *                               (the lower one is 100 − percentile); in (50, 100]; ignored otherwise
 * @param perChannelFullyConnected quantize fully-connected weights per output unit (axis 0) instead of per tensor;
 *                               such files carry FULLY_CONNECTED version 12, which older TFLite runtimes (e.g. the
 *                               TFLite WASM build of tfjs-tflite 0.0.1-alpha.10) refuse
 */
public record QuantizationOptions(CalibrationMethod calibration, double percentile, boolean perChannelFullyConnected) {

    public QuantizationOptions {
        if (calibration == null) {
            throw new IllegalArgumentException("calibration method must not be null");
        }
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
        }
    }

    /** Min/max calibration, per-tensor fully-connected weights: what TFLite's converter does. */
    public static QuantizationOptions defaults() {
        return new QuantizationOptions(CalibrationMethod.MIN_MAX, 100, false);
    }

    /**
     * What the platform quantizes trained models with: MSE-optimal activation and input ranges and per-channel
     * weights in every weighted operator, fully connected included (TFLite's converter and TFLite Micro read
     * FULLY_CONNECTED version 12).
     */
    public static QuantizationOptions recommended() {
        return new QuantizationOptions(CalibrationMethod.MSE, 100, true);
    }

    /** Percentile calibration keeping {@code percentile} percent of the range. */
    public static QuantizationOptions percentile(double percentile) {
        return new QuantizationOptions(CalibrationMethod.PERCENTILE, percentile, false);
    }
}
