package dev.edgeforge.jobs.compress;

import dev.edgeforge.core.model.stats.CompressionReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The result JSON of a successful {@code compress} job. Every file it names exists when the job succeeds.
 *
 * @param modelId     the compressed model
 * @param runFolder   the attempt's folder ({@link CompressionArtifactKeys#run})
 * @param reportKey   object key of {@code compression-report.json} (the same report as below)
 * @param variantKeys object key of every variant's {@code .tflite}, by variant name, in the report's order
 * @param report      the comparison of all variants
 */
public record CompressJobResult(
        UUID modelId, String runFolder, String reportKey, Map<String, String> variantKeys, CompressionReport report) {

    public CompressJobResult {
        variantKeys = Collections.unmodifiableMap(new LinkedHashMap<>(variantKeys));
    }
}
