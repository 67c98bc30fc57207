package dev.edgeforge.core.model.stats;

import dev.edgeforge.core.model.OpType;
import java.util.List;

/**
 * The cost of one operator of a graph.
 *
 * @param index       position in execution order
 * @param type        operator type
 * @param output      name of the tensor it writes
 * @param outputShape shape of that tensor
 * @param macs        multiply-accumulates per inference (0 for operators without weights)
 * @param parameters  elements of the constants it reads that no earlier operator read (weights, biases)
 */
public record OperatorStats(
        int index, OpType type, String output, List<Integer> outputShape, long macs, long parameters) {

    public OperatorStats {
        outputShape = List.copyOf(outputShape);
    }
}
