package dev.edgeforge.core.model.stats;

import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link CompressionReport}: a model variant, what it costs and how well it does.
 *
 * @param name                 unique name, e.g. {@code int8} or {@code structured-pruning-int8}
 *                             (see {@link CompressionMethod#variantName})
 * @param method               how it was made
 * @param precision            {@code float32} or {@code int8} (the graph input's type)
 * @param description          what was done, for people (e.g. "70 % of weights zero, fine-tuned 10 epochs")
 * @param testAccuracy         accuracy on the test set, or null when there was no test set
 * @param parameters           see {@link ModelStats#parameters()}
 * @param weightBytes          see {@link ModelStats#weightBytes()}
 * @param weightBytesByType    see {@link ModelStats#weightBytesByType()}
 * @param sparsity             see {@link ModelStats#sparsity()}
 * @param macs                 multiply-accumulates per inference
 * @param activationLowerBound liveness lower bound of the activation arena, bytes
 * @param arenaBytes           planned activation arena, bytes
 * @param tfliteBytes          size of the variant's {@code .tflite} file
 */
public record ModelVariant(
        String name,
        CompressionMethod method,
        String precision,
        String description,
        Double testAccuracy,
        long parameters,
        long weightBytes,
        Map<String, Long> weightBytesByType,
        double sparsity,
        long macs,
        int activationLowerBound,
        int arenaBytes,
        int tfliteBytes) {

    public ModelVariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        weightBytesByType = Collections.unmodifiableMap(new LinkedHashMap<>(weightBytesByType));
    }

    /**
     * Measures a graph: its {@link ModelStats}, its {@code .tflite} size and, when {@code testFeatures} is not null,
     * its accuracy on the test set with {@link GraphPredictor} (int8 graphs get quantized features, as on the
     * device).
     */
    public static ModelVariant measure(
            CompressionMethod method, String description, ModelGraph graph, float[][] testFeatures, int[] testLabels) {
        boolean int8 = graph.inputTensor(0).type() == DataType.INT8;
        ModelStats stats = ModelStats.of(graph);
        Double accuracy = testFeatures == null ? null : new GraphPredictor(graph).accuracy(testFeatures, testLabels);
        return new ModelVariant(
                method.variantName(int8),
                method,
                int8 ? "int8" : "float32",
                description,
                accuracy,
                stats.parameters(),
                stats.weightBytes(),
                stats.weightBytesByType(),
                stats.sparsity(),
                stats.macs(),
                stats.activationLowerBound(),
                stats.arenaBytes(),
                new TfliteWriter().write(graph).length);
    }
}
