package dev.edgeforge.api.compression;

import dev.edgeforge.jobs.compress.CompressionOptions;
import dev.edgeforge.jobs.compress.DistillationSettings;
import dev.edgeforge.jobs.compress.MagnitudePruningSettings;
import dev.edgeforge.jobs.compress.StructuredPruningSettings;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/projects/{projectId}/jobs/compress}: the model and the stages to run (at least
 * one), e.g. {@code {"modelId": "…", "magnitudePruning": {"targetSparsity": 0.7}, "structuredPruning":
 * {"fraction": 0.5}, "distillation": {"studentLayers": [{"type": "dense", "units": 8, "activation": "relu"}],
 * "temperature": 4, "alpha": 0.3, "epochs": 30}, "fineTuneEpochs": 10}}.
 *
 * @param modelId              the model to compress
 * @param magnitudePruning     see {@link MagnitudePruningSettings}
 * @param structuredPruning    see {@link StructuredPruningSettings}
 * @param distillation         see {@link DistillationSettings}
 * @param fineTuneEpochs       fine-tuning epochs after pruning (default 10)
 * @param fineTuneLearningRate fine-tuning learning rate (default: the model's)
 */
public record CompressRequest(
        UUID modelId,
        MagnitudePruningSettings magnitudePruning,
        StructuredPruningSettings structuredPruning,
        DistillationSettings distillation,
        Integer fineTuneEpochs,
        Double fineTuneLearningRate) {

    CompressionOptions options() {
        return new CompressionOptions(
                magnitudePruning, structuredPruning, distillation, fineTuneEpochs, fineTuneLearningRate);
    }
}
