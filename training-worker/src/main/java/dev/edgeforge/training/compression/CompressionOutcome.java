package dev.edgeforge.training.compression;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.CompressionReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link ModelCompressor} run produced.
 *
 * @param report            the comparison of all variants
 * @param graphs            the graph of every variant, by variant name (the report's names and order), ready for
 *                          {@code TfliteWriter}
 * @param magnitudePruning  the magnitude pruning run, if asked for
 * @param structuredPruning the structured pruning run, if asked for
 * @param distillation      the distillation run, if asked for
 */
public record CompressionOutcome(
        CompressionReport report,
        Map<String, ModelGraph> graphs,
        Optional<MagnitudePruningResult> magnitudePruning,
        Optional<StructuredPruningResult> structuredPruning,
        Optional<DistillationResult> distillation) {

    public CompressionOutcome {
        graphs = Collections.unmodifiableMap(new LinkedHashMap<>(graphs));
    }

    /** The graph of the variant named {@code name} (e.g. {@code int8}). */
    public Optional<ModelGraph> graph(String name) {
        return Optional.ofNullable(graphs.get(name));
    }
}
