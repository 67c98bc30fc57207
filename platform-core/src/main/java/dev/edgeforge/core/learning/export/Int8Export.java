package dev.edgeforge.core.learning.export;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import java.util.List;

/**
 * The platform's rule for turning a trained float32 graph into its int8 model: calibrate on a bounded, seeded sample
 * of the training windows ({@link CalibrationSet#DEFAULT_SIZE}, stratified by class for classifiers so rare classes'
 * ranges are seen), with {@link QuantizationOptions#recommended()} (MSE-optimal input and activation ranges,
 * per-channel weights everywhere). Training jobs and the real-data tests both use it, so the tests measure what users
 * get.
 */
public final class Int8Export {

    private Int8Export() {}

    /**
     * @param features     every training row
     * @param classIds     every row's class for classifiers, {@code null} for regression
     * @param trainIndices the rows the network trained on (never validation rows)
     * @param seed         the training seed
     */
    public static Result quantize(
            ModelGraph float32, float[][] features, int[] classIds, int[] trainIndices, long seed) {
        List<float[]> calibration = classIds != null
                ? CalibrationSet.selectStratified(features, classIds, trainIndices, CalibrationSet.DEFAULT_SIZE, seed)
                : CalibrationSet.select(features, trainIndices, CalibrationSet.DEFAULT_SIZE, seed);
        ModelGraph int8 = new PostTrainingQuantizer(QuantizationOptions.recommended()).quantize(float32, calibration);
        return new Result(int8, calibration.size());
    }

    /**
     * @param int8               the int8 graph
     * @param calibrationWindows how many windows calibrated it
     */
    public record Result(ModelGraph int8, int calibrationWindows) {}
}
