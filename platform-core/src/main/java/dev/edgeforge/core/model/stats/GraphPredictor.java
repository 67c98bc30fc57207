package dev.edgeforge.core.model.stats;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.learning.eval.Prediction;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.quantization.FixedPointMath;

/**
 * Runs a single-input graph, float32 or int8, on real-valued features and returns real-valued outputs, the way the
 * device does: for an int8 graph the features are quantized with the input tensor's scale and zero point (rounding
 * half away from zero, clamped to int8, as TFLite's QUANTIZE) and the int8 output is dequantized.
 *
 * <p>Not thread-safe (it owns one {@link Interpreter}); use one per thread.
 */
public final class GraphPredictor {

    private final ModelGraph graph;
    private final Interpreter interpreter;
    private final Tensor input;

    public GraphPredictor(ModelGraph graph) {
        if (graph.inputs().length != 1) {
            throw new IllegalArgumentException(
                    "the predictor runs single-input graphs; this one has " + graph.inputs().length + " inputs");
        }
        this.graph = graph;
        this.interpreter = new Interpreter(graph);
        this.input = graph.inputTensor(0);
        if (input.type() != DataType.FLOAT32 && input.type() != DataType.INT8) {
            throw new IllegalArgumentException("the graph input " + input.describe() + " is neither float32 nor int8");
        }
    }

    /** The graph this predictor runs. */
    public ModelGraph graph() {
        return graph;
    }

    /** Output 0 for one sample of features (channels-last, as many values as the input tensor has). */
    public float[] predict(float[] features) {
        if (features.length != input.elementCount()) {
            throw new IllegalArgumentException("the input " + input.describe() + " takes " + input.elementCount()
                    + " values, got " + features.length);
        }
        if (input.type() == DataType.FLOAT32) {
            return interpreter.runFloat(features);
        }
        interpreter.setInput(0, quantize(features, input.quantization()));
        interpreter.invoke();
        return interpreter.outputValues(0);
    }

    /** Output 0 for every sample. */
    public float[][] predictAll(float[][] features) {
        float[][] outputs = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            outputs[i] = predict(features[i]);
        }
        return outputs;
    }

    /** Fraction of samples whose highest output is their label (the first highest on ties). */
    public double accuracy(float[][] features, int[] labels) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " samples but " + labels.length + " labels");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("accuracy needs at least one sample");
        }
        int correct = 0;
        for (int i = 0; i < features.length; i++) {
            correct += argmax(predict(features[i])) == labels[i] ? 1 : 0;
        }
        return (double) correct / features.length;
    }

    /** int8 values of real {@code values}: {@code clamp(round(v / scale) + zeroPoint, -128, 127)}. */
    public static byte[] quantize(float[] values, Quantization quantization) {
        byte[] bytes = new byte[values.length];
        float scale = quantization.scale();
        int zeroPoint = quantization.zeroPoint();
        for (int i = 0; i < values.length; i++) {
            int q = FixedPointMath.roundToInt(values[i] / scale) + zeroPoint;
            bytes[i] = (byte) Math.max(-128, Math.min(127, q));
        }
        return bytes;
    }

    /** Index of the first largest value: the top-1 class of {@link Prediction#top1}. */
    public static int argmax(float[] values) {
        return Prediction.top1(values);
    }
}
