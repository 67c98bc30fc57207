package dev.edgeforge.core.quantization;

import dev.edgeforge.core.interpreter.ActivationObserver;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the real range of every activation tensor of a float graph over a calibration set, by min/max, by
 * percentiles or by least quantization error (a second pass fills a 4096-bin histogram between the min and max of the
 * first; the percentile and MSE ranges are read from it).
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
            if (options.calibration() == CalibrationMethod.MSE) {
                float[] best = leastErrorRange(histograms[id], totals[id], min[id], max[id]);
                low[id] = best[0];
                high[id] = best[1];
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

    /** Tail shares tried on each side of the MSE search: none, then from one in a million to one in a hundred. */
    private static final double[] TAILS = {0, 1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2};

    /**
     * The range [low, high] among the candidates (each side cut where {@link #TAILS} of the values lie beyond it) whose
     * int8 grid — widened to include 0, as {@link PostTrainingQuantizer#activationQuantization} does — gives the least
     * expected squared error over the histogram: a value inside rounds with error² ≈ scale²/12, a value outside is
     * clipped to the nearer end. Bin centres stand for their values.
     */
    static float[] leastErrorRange(long[] histogram, long total, float min, float max) {
        double width = ((double) max - min) / histogram.length;
        double[] lows = new double[TAILS.length];
        double[] highs = new double[TAILS.length];
        for (int t = 0; t < TAILS.length; t++) {
            long cut = (long) Math.floor(TAILS[t] * total);
            lows[t] = TAILS[t] == 0 ? min : min + edgeBin(histogram, cut, true) * width;
            highs[t] = TAILS[t] == 0 ? max : min + (edgeBin(histogram, cut, false) + 1) * width;
        }
        double bestError = Double.POSITIVE_INFINITY;
        float[] best = {min, max};
        for (double lo : lows) {
            for (double hi : highs) {
                if (hi <= lo) {
                    continue;
                }
                // the grid always reaches 0 (activationQuantization widens the range), so clip at the widened ends
                double low = Math.min(lo, 0);
                double high = Math.max(hi, 0);
                double step = (high - low) / 255;
                double rounding = step * step / 12;
                double error = 0;
                for (int bin = 0; bin < histogram.length; bin++) {
                    long n = histogram[bin];
                    if (n == 0) {
                        continue;
                    }
                    double v = min + (bin + 0.5) * width;
                    double e = v < low ? low - v : v > high ? v - high : 0;
                    error += n * (e > 0 ? e * e : rounding);
                }
                if (error < bestError) {
                    bestError = error;
                    best = new float[] {(float) low, (float) high};
                }
            }
        }
        return best;
    }

    /** The first bin from the low (or high) end past which more than {@code cut} values lie. */
    private static int edgeBin(long[] histogram, long cut, boolean fromLow) {
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            int bin = fromLow ? i : histogram.length - 1 - i;
            seen += histogram[bin];
            if (seen > cut) {
                return bin;
            }
        }
        return fromLow ? 0 : histogram.length - 1;
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
