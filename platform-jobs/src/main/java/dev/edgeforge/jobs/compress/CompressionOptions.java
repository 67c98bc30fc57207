package dev.edgeforge.jobs.compress;

import java.util.ArrayList;
import java.util.List;

/**
 * What a compress job does besides quantizing the trained model to int8: each stage that is not {@code null} adds
 * its float32 and int8 variants to the report.
 *
 * @param magnitudePruning     magnitude pruning to a target sparsity, or {@code null}
 * @param structuredPruning    structured pruning of a share of units and filters, or {@code null}
 * @param distillation         a student trained from the model, or {@code null}
 * @param fineTuneEpochs       epochs of fine-tuning after pruning; {@code null} for {@value #DEFAULT_FINE_TUNE_EPOCHS}
 * @param fineTuneLearningRate learning rate of fine-tuning; {@code null} for the model's own
 */
public record CompressionOptions(
        MagnitudePruningSettings magnitudePruning,
        StructuredPruningSettings structuredPruning,
        DistillationSettings distillation,
        Integer fineTuneEpochs,
        Double fineTuneLearningRate) {

    public static final int DEFAULT_FINE_TUNE_EPOCHS = 10;
    public static final int MAX_FINE_TUNE_EPOCHS = 1000;

    public int fineTuneEpochsOrDefault() {
        return fineTuneEpochs == null ? DEFAULT_FINE_TUNE_EPOCHS : fineTuneEpochs;
    }

    /** Whether any stage beyond int8 quantization is asked for. */
    public boolean hasStage() {
        return magnitudePruning != null || structuredPruning != null || distillation != null;
    }

    /**
     * What is out of range, each problem starting with the field's JSON path and a space (e.g.
     * {@code "distillation.alpha must be between 0 and 1, got 2.0"}); empty when usable.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (magnitudePruning != null) {
            problems.addAll(magnitudePruning.problems());
        }
        if (structuredPruning != null) {
            problems.addAll(structuredPruning.problems());
        }
        if (distillation != null) {
            problems.addAll(distillation.problems());
        }
        if (fineTuneEpochs != null && (fineTuneEpochs < 1 || fineTuneEpochs > MAX_FINE_TUNE_EPOCHS)) {
            problems.add("fineTuneEpochs must be between 1 and " + MAX_FINE_TUNE_EPOCHS + ", got " + fineTuneEpochs);
        }
        if (fineTuneLearningRate != null && !(fineTuneLearningRate > 0 && fineTuneLearningRate <= 1)) {
            problems.add("fineTuneLearningRate must be above 0 and at most 1, got " + fineTuneLearningRate);
        }
        return problems;
    }
}
