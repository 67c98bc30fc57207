package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.Objects;

/**
 * A trained classifier to compress, or a compressed one: its learning block (hidden layers, what fine-tuning
 * rebuilds) and its trained network (output head included).
 *
 * @param architecture the learning block; its {@code networkLayers} are the network's layers
 * @param network      the trained float32 network
 */
public record TrainedModel(LearningBlock architecture, TrainedNetwork network) {

    public TrainedModel {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(network, "network");
        if (architecture.kind() != LearningBlock.Kind.CLASSIFICATION || network.kind() != architecture.kind()) {
            throw new IllegalArgumentException("compression works on classification networks; got a " + network.kind()
                    + " network for a " + architecture.kind() + " block");
        }
        var expected = architecture.networkLayers(
                network.inputShape(), network.outputNames().size());
        if (!network.layerSpecs().equals(expected)) {
            throw new IllegalArgumentException("the network's layers " + network.layerSpecs()
                    + " are not those of its learning block " + expected);
        }
    }

    /** The model a training run produced. */
    public static TrainedModel of(TrainingResult result) {
        return new TrainedModel(result.architecture(), result.network());
    }
}
