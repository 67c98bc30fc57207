package dev.edgeforge.core.quantization;

import dev.edgeforge.core.interpreter.ActivationObserver;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the real range of every activation tensor of a float graph over a calibration set, by min/max or by
 * percentiles (a second pass fills a 4096-bin histogram between the min and max of the first).
 */
final class ActivationRanges {

    private static final int BINS = 4096;

    private final float[] min;
    private final float[] max;

    private ActivationRanges(float[] min, float[] max) {
        this.min = min;
        this.max = max;
    }

    static ActivationRanges measure(ModelGraph graph, List<float[][]> calibration, QuantizationOptions options) {
        int count = graph.tensors().size();
        float[] min = new float[count];
        float[] max = new float[count];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        Interpreter interpreter = new Interpreter(graph);
        for (float[][] inputs : calibration) {
            run(interpreter, graph, inputs, (tensor, values) -> {
                int id = tensor.id();
                for (float v : values) {
                    if (v < min[id]) {
                        min[id] = v;
                    }
                    if (v > max[id]) {
                        max[id] = v;
                    }
                }
            });
        }
        if (options.calibration() == CalibrationMethod.MIN_MAX) {
            return new ActivationRanges(min, max);
        }
        long[][] histograms = new long[count][];
        long[] totals = new long[count];
        for (float[][] inputs : calibration) {
            run(interpreter, graph, inputs, (tensor, values) -> {
                int id = tensor.id();
                if (histograms[id] == null) {
                    histograms[id] = new long[BINS];
                }
                float width = (max[id] - min[id]) / BINS;
                for (float v : values) {
                    int bin = width > 0 ? (int) Math.min(BINS - 1, (v - min[id]) / width) : 0;
                    histograms[id][bin]++;
                }
                totals[id] += values.length;
            });
        }
        float[] low = min.clone();
        float[] high = max.clone();
        double tail = (100 - options.percentile()) / 100;
        for (int id = 0; id < count; id++) {
            if (histograms[id] == null || max[id] <= min[id]) {
                continue;
            }
            float width = (max[id] - min[id]) / BINS;
            long cut = (long) Math.floor(tail * totals[id]);
            long seen = 0;
            for (int bin = 0; bin < BINS; bin++) {
                seen += histograms[id][bin];
                if (seen > cut) {
                    low[id] = min[id] + bin * width;
                    break;
                }
            }
            seen = 0;
            for (int bin = BINS - 1; bin >= 0; bin--) {
                seen += histograms[id][bin];
                if (seen > cut) {
                    high[id] = min[id] + (bin + 1) * width;
                    break;
                }
            }
        }
        return new ActivationRanges(low, high);
    }

    private static void run(Interpreter interpreter, ModelGraph graph, float[][] inputs, ActivationObserver observer) {
        if (inputs.length != graph.inputs().length) {
            throw new IllegalArgumentException(
                    "a calibration sample has " + inputs.length + " inputs, the graph " + graph.inputs().length);
        }
        for (int i = 0; i < inputs.length; i++) {
            interpreter.setInput(i, inputs[i]);
        }
        interpreter.invoke(observer);
    }

    boolean seen(Tensor tensor) {
        return min[tensor.id()] <= max[tensor.id()];
    }

    float min(Tensor tensor) {
        return min[tensor.id()];
    }

    float max(Tensor tensor) {
        return max[tensor.id()];
    }
}
