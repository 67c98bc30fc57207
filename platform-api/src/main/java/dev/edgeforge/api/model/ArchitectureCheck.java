package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.LayerProblem;
import dev.edgeforge.core.learning.TensorShape;
import java.util.List;

/**
 * A learning block checked against the project's features ({@code POST .../training/architecture-check}): the output
 * shape after every layer (the output head included) and every problem with its layer index.
 *
 * @param valid        whether the block can be trained
 * @param inputShape   the features' shape
 * @param outputCount  classes or targets the head outputs
 * @param layers       every layer of the full network with its output shape ({@code null} past a problem)
 * @param problems     what is wrong; {@code layerIndex} -1 for the whole block
 * @param parameters   trainable parameters of the network, or {@code null} when it is not valid
 */
public record ArchitectureCheck(
        boolean valid,
        TensorShape inputShape,
        int outputCount,
        List<LayerShape> layers,
        List<LayerProblem> problems,
        Long parameters) {

    /**
     * @param index       position in the full network
     * @param type        layer type
     * @param outputShape shape it produces
     * @param head        whether the layer is part of the output head the server appends
     */
    public record LayerShape(int index, String type, TensorShape outputShape, boolean head) {}
}
