package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * A processing block: turns one window of raw signal into a feature vector. Every implementation has a C twin under
 * {@code firmware-builder/src/main/c/dsp/} that computes the same features within 1e-4 relative error.
 *
 * <p>Instances are immutable and thread-safe: feature generation calls {@link #compute} from many threads.
 */
public interface DspBlock {

    /** The parameters this block was built from. */
    DspParams params();

    /** The block's type name, as in the JSON {@code "type"} of its parameters (e.g. {@code mfe}). */
    String type();

    /**
     * Every reason these parameters cannot work on windows of {@code input}, each naming the field; empty when the
     * block can run.
     */
    List<ParameterError> check(SignalShape input);

    /** Throws {@link DspParameterViolation} listing every problem {@link #check} finds. */
    default void validate(SignalShape input) {
        List<ParameterError> errors = check(input);
        if (!errors.isEmpty()) {
            throw new DspParameterViolation(errors);
        }
    }

    /** The features one window of {@code input} gives; the input must pass {@link #validate}. */
    FeatureShape outputShape(SignalShape input);

    /**
     * Computes the features of one window.
     *
     * @param window      {@code window[axis][sample]} (colour planes for images)
     * @param frequencyHz the window's sampling frequency (ignored by image blocks)
     * @return the features, laid out as {@link #outputShape} says
     * @throws DspParameterViolation when the parameters cannot work on this window
     */
    float[] compute(float[][] window, double frequencyHz);

    /** Floats of working memory the C twin needs for one window of {@code input}, besides its output buffer. */
    int scratchFloats(SignalShape input);

    /** What one window costs the C twin on a device (see {@link CostEstimate} for the model). */
    CostEstimate estimateCost(SignalShape input);

    /** The shape of a time-series window, checked to be rectangular. */
    static SignalShape shapeOf(float[][] window, double frequencyHz) {
        if (window.length == 0 || window[0].length == 0) {
            throw new IllegalArgumentException("a window needs at least one axis and one sample");
        }
        for (float[] axis : window) {
            if (axis.length != window[0].length) {
                throw new IllegalArgumentException("every axis of a window must have the same number of samples, got "
                        + axis.length + " and " + window[0].length);
            }
        }
        return SignalShape.timeSeries(window.length, window[0].length, frequencyHz);
    }
}
