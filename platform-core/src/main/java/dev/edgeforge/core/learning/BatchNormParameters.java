package dev.edgeforge.core.learning;

import java.util.Arrays;
import java.util.Objects;

/**
 * The inference parameters of a batch norm layer, one value per channel: {@code y = (x - mean) / sqrt(variance +
 * epsilon) * gamma + beta}, i.e. {@code y = x * scale + shift}.
 */
public record BatchNormParameters(float[] gamma, float[] beta, float[] mean, float[] variance, float epsilon) {

    public BatchNormParameters {
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(variance, "variance");
        int channels = gamma.length;
        if (beta.length != channels || mean.length != channels || variance.length != channels) {
            throw new IllegalArgumentException("batch norm parameters need one value per channel for gamma, beta, "
                    + "mean and variance; got " + channels + ", " + beta.length + ", " + mean.length + ", "
                    + variance.length);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("batch norm epsilon must be positive, got " + epsilon);
        }
    }

    /** Number of channels. */
    public int channels() {
        return gamma.length;
    }

    /** Per channel {@code gamma / sqrt(variance + epsilon)}, computed in double. */
    public double[] scale() {
        double[] scale = new double[channels()];
        for (int c = 0; c < scale.length; c++) {
            scale[c] = gamma[c] / Math.sqrt((double) variance[c] + epsilon);
        }
        return scale;
    }

    /** Per channel {@code beta - mean * scale}. */
    public double[] shift() {
        double[] scale = scale();
        double[] shift = new double[channels()];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return shift;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchNormParameters that
                && Arrays.equals(gamma, that.gamma)
                && Arrays.equals(beta, that.beta)
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(variance, that.variance)
                && epsilon == that.epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(gamma),
                Arrays.hashCode(beta),
                Arrays.hashCode(mean),
                Arrays.hashCode(variance),
                epsilon);
    }

    @Override
    public String toString() {
        return "BatchNormParameters[" + channels() + " channels, epsilon " + epsilon + "]";
    }
}
