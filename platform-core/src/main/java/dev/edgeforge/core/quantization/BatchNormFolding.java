package dev.edgeforge.core.quantization;

/**
 * Folds a batch normalisation that follows a convolution or dense layer into the layer's weights and bias:
 * {@code w' = w × γ/√(σ² + ε)} per output channel and {@code b' = (b − μ) × γ/√(σ² + ε) + β}. Quantizing the
 * folded layer is what TFLite does; the trainer calls this before building the float graph.
 */
public final class BatchNormFolding {

    private BatchNormFolding() {}

    /** Folded weights and bias. */
    public record Folded(float[] weights, float[] bias) {}

    /**
     * @param weights      the layer's weights, row-major with shape {@code shape}
     * @param shape        the weights' shape
     * @param channelAxis  the output-channel axis of the weights (0 for conv and dense in TFLite layout, 3 for
     *                     depthwise)
     * @param bias         the layer's bias per output channel, or null for none
     * @param gamma        BN scale per channel
     * @param beta         BN offset per channel
     * @param mean         BN moving mean per channel
     * @param variance     BN moving variance per channel
     * @param epsilon      BN epsilon
     */
    public static Folded fold(
            float[] weights,
            int[] shape,
            int channelAxis,
            float[] bias,
            float[] gamma,
            float[] beta,
            float[] mean,
            float[] variance,
            float epsilon) {
        int channels = shape[channelAxis];
        if (gamma.length != channels
                || beta.length != channels
                || mean.length != channels
                || variance.length != channels
                || (bias != null && bias.length != channels)) {
            throw new IllegalArgumentException("batch norm parameters must have " + channels + " channels");
        }
        int inner = 1;
        for (int axis = channelAxis + 1; axis < shape.length; axis++) {
            inner *= shape[axis];
        }
        double[] factor = new double[channels];
        for (int c = 0; c < channels; c++) {
            factor[c] = gamma[c] / Math.sqrt((double) variance[c] + epsilon);
        }
        float[] folded = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int channel = (i / inner) % channels;
            folded[i] = (float) (weights[i] * factor[channel]);
        }
        float[] foldedBias = new float[channels];
        for (int c = 0; c < channels; c++) {
            double b = bias == null ? 0 : bias[c];
            foldedBias[c] = (float) ((b - mean[c]) * factor[c] + beta[c]);
        }
        return new Folded(folded, foldedBias);
    }
}
