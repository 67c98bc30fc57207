package dev.edgeforge.api.deploy;

import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.tflite.TfliteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small real classifier for deployment tests: three classes of eight features around seeded centroids, a float32
 * nearest-centroid layer (FULLY_CONNECTED with weights = centroids and bias = −|c|²/2, then SOFTMAX) quantized to
 * int8 by {@link PostTrainingQuantizer} on calibration windows, and a labelled test feature set. It builds and runs
 * in seconds.
 */
final class TinyClassifier {

    static final List<String> LABELS = List.of("idle", "wave", "shake");
    static final int FEATURES = 8;

    private final float[][] centroids = new float[LABELS.size()][FEATURES];

    TinyClassifier() {
        Random random = new Random(7);
        for (float[] centroid : centroids) {
            for (int i = 0; i < FEATURES; i++) {
                centroid[i] = (float) (random.nextDouble() * 4 - 2);
            }
        }
    }

    /** The int8 model as a .tflite file. */
    byte[] int8Tflite() {
        List<float[]> calibration = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 90; i++) {
            calibration.add(window(i % LABELS.size(), random));
        }
        ModelGraph int8 = new PostTrainingQuantizer().quantize(floatGraph(), calibration);
        return new TfliteWriter().write(int8);
    }

    /** A labelled test set: eight windows per class, as the training job stores the test split's features. */
    byte[] testSet() {
        Random random = new Random(13);
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int label = i % LABELS.size();
            rows.add(new FeatureRow("sample-" + i, 0, 0, LABELS.get(label), window(label, random)));
        }
        FeatureLayout layout = new FeatureLayout(
                List.of(new FeatureLayout.Block(1, "Flatten", "flatten", FeatureShape.of(FEATURES), 0)));
        return FeatureSet.of(1, layout, rows).toBytes();
    }

    private float[] window(int label, Random random) {
        float[] window = new float[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            window[i] = (float) (centroids[label][i] + 0.6 * random.nextGaussian());
        }
        return window;
    }

    private ModelGraph floatGraph() {
        float[] weights = new float[LABELS.size() * FEATURES];
        float[] bias = new float[LABELS.size()];
        for (int k = 0; k < LABELS.size(); k++) {
            double norm = 0;
            for (int i = 0; i < FEATURES; i++) {
                weights[k * FEATURES + i] = centroids[k][i];
                norm += centroids[k][i] * centroids[k][i];
            }
            bias[k] = (float) (-norm / 2);
        }
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("features", DataType.FLOAT32, new int[] {1, FEATURES});
        int w = b.addFloatConstant("centroids", new int[] {LABELS.size(), FEATURES}, weights);
        int c = b.addFloatConstant("bias", new int[] {LABELS.size()}, bias);
        int logits = b.addTensor("logits", DataType.FLOAT32, new int[] {1, LABELS.size()});
        int out = b.addTensor("probabilities", DataType.FLOAT32, new int[] {1, LABELS.size()});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, c}, new int[] {
                    logits
                });
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {out});
        return b.setInputs(in).setOutputs(out).optLabels(LABELS).build();
    }
}
