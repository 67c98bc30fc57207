package dev.edgeforge.core.model.stats;

import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * How faithfully a classifier's int8 graph follows its float32 graph on some windows, and, when it does not, why and
 * what to change.
 *
 * <p>Two measurements tell the causes apart: {@code agreement} runs the int8 graph as the device does;
 * {@code inputAgreement} runs the float32 graph on features rounded to the int8 input grid (one scale and zero point
 * for every feature, as the device quantizes them), so it shows what the input quantization alone costs. When that
 * alone breaks agreement, the features' ranges differ too much for one int8 scale (raw-unit RMS beside log powers,
 * log floors of silent windows, kurtosis spikes): the fix is in the processing block, not in the network.
 *
 * @param windows             windows compared
 * @param agreement           share of windows where int8 and float32 pick the same class
 * @param inputAgreement      share where the float32 graph picks the same class on int8-rounded features
 * @param threshold           the agreement below which the model is flagged
 * @param inputScale          the int8 input tensor's scale (real units per step)
 * @param coarseFeatures      features whose range over the windows spans fewer than {@value #FEW_STEPS} input steps
 * @param features            features per window
 * @param widestFeature       the feature with the widest range (0-based), which sets the input scale
 * @param widestMin           its smallest value over the windows
 * @param widestMax           its largest
 * @param warning             what went wrong, for people; {@code null} when agreement reaches the threshold
 * @param suggestion          what to change; {@code null} when agreement reaches the threshold
 */
public record Int8Check(
        int windows,
        double agreement,
        double inputAgreement,
        double threshold,
        double inputScale,
        int coarseFeatures,
        int features,
        int widestFeature,
        double widestMin,
        double widestMax,
        String warning,
        String suggestion) {

    /** Agreement an int8 model must reach not to be flagged. */
    public static final double DEFAULT_THRESHOLD = 0.98;

    /** A feature whose values span fewer int8 input steps than this is too coarse to tell windows apart. */
    public static final int FEW_STEPS = 8;

    /** Whether int8 agrees with float32 at least as often as the threshold asks. */
    public boolean ok() {
        return warning == null;
    }

    /**
     * Compares {@code int8} with {@code float32} on {@code windows} (features as the device computes them).
     *
     * @throws IllegalArgumentException when there are no windows or the int8 graph's input is not int8
     */
    public static Int8Check of(ModelGraph float32, ModelGraph int8, float[][] windows, double threshold) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("the int8 check needs at least one window");
        }
        Tensor input = int8.inputTensor(0);
        if (input.type() != DataType.INT8) {
            throw new IllegalArgumentException("the int8 graph's input " + input.describe() + " is not int8");
        }
        Quantization q = input.quantization();
        GraphPredictor floatPredictor = new GraphPredictor(float32);
        GraphPredictor int8Predictor = new GraphPredictor(int8);
        int agreeing = 0;
        int inputAgreeing = 0;
        int featureCount = windows[0].length;
        float[] min = new float[featureCount];
        float[] max = new float[featureCount];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (float[] window : windows) {
            int expected = GraphPredictor.argmax(floatPredictor.predict(window));
            agreeing += GraphPredictor.argmax(int8Predictor.predict(window)) == expected ? 1 : 0;
            float[] rounded = new float[window.length];
            byte[] bytes = GraphPredictor.quantize(window, q);
            for (int i = 0; i < window.length; i++) {
                rounded[i] = (bytes[i] - q.zeroPoint()) * q.scale();
                min[i] = Math.min(min[i], window[i]);
                max[i] = Math.max(max[i], window[i]);
            }
            inputAgreeing += GraphPredictor.argmax(floatPredictor.predict(rounded)) == expected ? 1 : 0;
        }
        int coarse = 0;
        int widest = 0;
        for (int i = 0; i < featureCount; i++) {
            if (max[i] - min[i] > 0 && (max[i] - min[i]) / q.scale() < FEW_STEPS) {
                coarse++;
            }
            if (max[i] - min[i] > max[widest] - min[widest]) {
                widest = i;
            }
        }
        double agreement = (double) agreeing / windows.length;
        double inputAgreement = (double) inputAgreeing / windows.length;
        String warning = null;
        String suggestion = null;
        if (agreement < threshold) {
            warning = String.format(
                    Locale.ROOT,
                    "int8 picks the float32 class on only %.1f %% of %d windows (below %.0f %%).",
                    100 * agreement,
                    windows.length,
                    100 * threshold);
            if (inputAgreement < threshold) {
                warning += String.format(
                        Locale.ROOT,
                        " The int8 input alone causes it: rounding the features to the int8 input grid leaves %.1f %%"
                                + " agreement, because one input scale (%.4g per step) serves every feature and"
                                + " feature %d spans [%.4g, %.4g]; %d of %d features span fewer than %d steps.",
                        100 * inputAgreement,
                        q.scale(),
                        widest,
                        min[widest],
                        max[widest],
                        coarse,
                        featureCount,
                        FEW_STEPS);
                suggestion = "Bring the features to similar ranges in the processing block: scale the raw signal to"
                        + " about ±1 (the spectral analysis block's scale, e.g. 1/32768 for 16-bit audio), avoid"
                        + " zero-padded windows (their log powers sit at the −30 floor), or use MFE/MFCC for audio;"
                        + " then train again.";
            } else {
                suggestion = "The network's int8 activations lose it: train again with batch normalization or more"
                        + " epochs (a clearer margin between classes survives rounding), or compress the model with"
                        + " more calibration windows.";
            }
        }
        return new Int8Check(
                windows.length,
                agreement,
                inputAgreement,
                threshold,
                q.scale(),
                coarse,
                featureCount,
                widest,
                min[widest],
                max[widest],
                warning,
                suggestion);
    }
}
