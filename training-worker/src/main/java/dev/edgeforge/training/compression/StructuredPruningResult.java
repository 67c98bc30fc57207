package dev.edgeforge.training.compression;

import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;

/**
 * A structurally pruned model: fewer units and filters, so fewer parameters, weight bytes and MACs.
 *
 * @param model      the smaller, fine-tuned model; its learning block has the new layer sizes
 * @param fineTuning the fine-tuning run
 * @param fraction   the share of channels asked to be removed from every prunable layer
 * @param layers     every layer that shrank, with its size before and after
 */
public record StructuredPruningResult(
        TrainedModel model, TrainingResult fineTuning, double fraction, List<LayerShrink> layers) {

    public StructuredPruningResult {
        layers = List.copyOf(layers);
    }
}
