package dev.edgeforge.core.learning;

import java.util.List;

/**
 * Result of {@link ShapeInference}: the output shape of every layer up to the first layer whose shape could not be
 * inferred, and every problem found.
 *
 * @param input        the shape fed to layer 0
 * @param outputShapes output shape of layer {@code i} at index {@code i}; shorter than the layer list when a shape
 *                     problem stopped inference
 * @param problems     parameter and shape problems; empty when the architecture is valid
 */
public record ShapeReport(TensorShape input, List<TensorShape> outputShapes, List<LayerProblem> problems) {

    public ShapeReport {
        outputShapes = List.copyOf(outputShapes);
        problems = List.copyOf(problems);
    }

    /** Whether the layers are valid for the input. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Throws {@link ArchitectureViolation} with every problem unless the architecture is valid. */
    public ShapeReport orThrow() {
        if (!isValid()) {
            throw new ArchitectureViolation(problems);
        }
        return this;
    }

    /** The network's output shape (the input shape for an empty layer list); only for a valid report. */
    public TensorShape outputShape() {
        orThrow();
        return outputShapes.isEmpty() ? input : outputShapes.get(outputShapes.size() - 1);
    }

    /** The shape that layer {@code index} receives ({@code index} may be -1 for the input itself). */
    public TensorShape inputShapeOf(int index) {
        return index <= 0 ? input : outputShapes.get(index - 1);
    }
}
