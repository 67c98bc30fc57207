package dev.edgeforge.core.learning;

import java.util.List;

/**
 * A plain-Java float32 forward pass of a {@link TrainedNetwork}. It proves that the exported weights and layouts
 * reproduce the trained network (the training worker compares it with DJL's outputs on validation data) and gives
 * a float32 reference on the server without DJL.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class InferenceCheck {

    private final TrainedNetwork network;

    public InferenceCheck(TrainedNetwork network) {
        this.network = network;
    }

    /** The network's output for one sample of the input shape, channels last. */
    public float[] predict(float[] sample) {
        int expected = network.inputShape().elementCount();
        if (sample.length != expected) {
            throw new IllegalArgumentException(
                    "a sample of shape " + network.inputShape() + " has " + expected + " values, got " + sample.length);
        }
        List<TrainedLayer> layers = network.layers();
        float[][] outputs = new float[layers.size()][];
        float[] x = sample;
        TensorShape shape = network.inputShape();
        for (int i = 0; i < layers.size(); i++) {
            TrainedLayer layer = layers.get(i);
            x = layer.spec().accept(new Step(x, shape, layer, sample, outputs));
            outputs[i] = x;
            shape = layer.outputShape();
        }
        return x;
    }

    /** Outputs for many samples. */
    public float[][] predict(float[][] samples) {
        float[][] outputs = new float[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            outputs[i] = predict(samples[i]);
        }
        return outputs;
    }

    /**
     * Runs the network on {@code samples} and compares with {@code expected} (e.g. DJL's outputs).
     *
     * @return the largest differences found
     */
    public Comparison compare(float[][] samples, float[][] expected) {
        if (samples.length != expected.length) {
            throw new IllegalArgumentException(
                    samples.length + " samples but " + expected.length + " expected outputs");
        }
        double maxAbsolute = 0;
        double maxScaled = 0;
        int worstSample = -1;
        for (int s = 0; s < samples.length; s++) {
            float[] actual = predict(samples[s]);
            if (actual.length != expected[s].length) {
                throw new IllegalArgumentException("sample " + s + ": the network gives " + actual.length + " outputs, "
                        + expected[s].length + " expected");
            }
            for (int j = 0; j < actual.length; j++) {
                double difference = Math.abs((double) actual[j] - expected[s][j]);
                if (Double.isNaN(difference)) {
                    difference = Double.POSITIVE_INFINITY;
                }
                double scaled = difference / Math.max(1.0, Math.abs(expected[s][j]));
                if (difference > maxAbsolute) {
                    maxAbsolute = difference;
                    worstSample = s;
                }
                maxScaled = Math.max(maxScaled, scaled);
            }
        }
        return new Comparison(samples.length, maxAbsolute, maxScaled, worstSample);
    }

    /**
     * How closely the network reproduced the expected outputs.
     *
     * @param samples               samples compared
     * @param maxAbsoluteDifference largest {@code |actual - expected|} over all outputs
     * @param maxScaledDifference   largest {@code |actual - expected| / max(1, |expected|)}: absolute for
     *                              probabilities, relative for large regression values
     * @param worstSample           index of the sample with the largest absolute difference, -1 if all equal
     */
    public record Comparison(int samples, double maxAbsoluteDifference, double maxScaledDifference, int worstSample) {

        /** Whether every scaled difference is at most {@code tolerance}. */
        public boolean isWithin(double tolerance) {
            return maxScaledDifference <= tolerance;
        }
    }

    /** One layer's computation. */
    private record Step(float[] x, TensorShape in, TrainedLayer layer, float[] input, float[][] outputs)
            implements LayerSpec.Visitor<float[]> {

        @Override
        public float[] dense(LayerSpec.Dense spec) {
            return FloatKernels.activate(
                    FloatKernels.fullyConnected(
                            x, layer.weights().values(), layer.bias().values(), spec.units()),
                    spec.activation());
        }

        @Override
        public float[] conv1d(LayerSpec.Conv1d spec) {
            KernelWindow w = KernelWindow.over(in, 1, spec.kernelSize(), spec.stride(), spec.padding());
            return FloatKernels.activate(conv(w, spec.filters()), spec.activation());
        }

        @Override
        public float[] conv2d(LayerSpec.Conv2d spec) {
            KernelWindow w =
                    KernelWindow.over(in, spec.kernelHeight(), spec.kernelWidth(), spec.stride(), spec.padding());
            return FloatKernels.activate(conv(w, spec.filters()), spec.activation());
        }

        @Override
        public float[] depthwiseConv2d(LayerSpec.DepthwiseConv2d spec) {
            KernelWindow w =
                    KernelWindow.over(in, spec.kernelHeight(), spec.kernelWidth(), spec.stride(), spec.padding());
            float[] out = FloatKernels.depthwiseConv2d(
                    x, w, layer.weights().values(), layer.bias().values(), spec.depthMultiplier());
            return FloatKernels.activate(out, spec.activation());
        }

        @Override
        public float[] averagePool1d(LayerSpec.AveragePool1d spec) {
            return pool(1, spec.poolSize(), spec.stride(), false);
        }

        @Override
        public float[] maxPool1d(LayerSpec.MaxPool1d spec) {
            return pool(1, spec.poolSize(), spec.stride(), true);
        }

        @Override
        public float[] averagePool2d(LayerSpec.AveragePool2d spec) {
            return pool(spec.poolSize(), spec.poolSize(), spec.stride(), false);
        }

        @Override
        public float[] maxPool2d(LayerSpec.MaxPool2d spec) {
            return pool(spec.poolSize(), spec.poolSize(), spec.stride(), true);
        }

        private float[] conv(KernelWindow w, int filters) {
            return FloatKernels.conv2d(
                    x, w, layer.weights().values(), layer.bias().values(), filters);
        }

        private float[] pool(int poolHeight, int poolWidth, int stride, boolean max) {
            return FloatKernels.pool(x, KernelWindow.over(in, poolHeight, poolWidth, stride, Padding.VALID), max);
        }

        @Override
        public float[] flatten(LayerSpec.Flatten spec) {
            return x; // channels-last row-major order is already the flat order
        }

        @Override
        public float[] reshape(LayerSpec.Reshape spec) {
            return x;
        }

        @Override
        public float[] dropout(LayerSpec.Dropout spec) {
            return x; // identity at inference
        }

        @Override
        public float[] batchNorm(LayerSpec.BatchNorm spec) {
            return FloatKernels.batchNorm(x, layer.batchNorm());
        }

        @Override
        public float[] relu(LayerSpec.Relu spec) {
            return FloatKernels.activate(x.clone(), Activation.RELU);
        }

        @Override
        public float[] relu6(LayerSpec.Relu6 spec) {
            return FloatKernels.activate(x.clone(), Activation.RELU6);
        }

        @Override
        public float[] softmax(LayerSpec.Softmax spec) {
            return FloatKernels.softmax(x, in.channels());
        }

        @Override
        public float[] add(LayerSpec.Add spec) {
            return FloatKernels.add(x, spec.from() == -1 ? input : outputs[spec.from()]);
        }
    }
}
