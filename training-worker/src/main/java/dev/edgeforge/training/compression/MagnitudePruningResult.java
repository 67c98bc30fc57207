package dev.edgeforge.training.compression;

import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;

/**
 * A magnitude-pruned model and how sparse it really is.
 *
 * @param model          the pruned, fine-tuned model (same architecture, many weights exactly zero)
 * @param fineTuning     the fine-tuning run (history, validation outputs, timing)
 * @param targetSparsity the sparsity asked for in every weighted layer
 * @param sparsity       zero weights / all weights over every weighted layer of the result
 * @param layers         the sparsity of every weighted layer
 */
public record MagnitudePruningResult(
        TrainedModel model,
        TrainingResult fineTuning,
        double targetSparsity,
        double sparsity,
        List<LayerSparsity> layers) {

    public MagnitudePruningResult {
        layers = List.copyOf(layers);
    }
}
