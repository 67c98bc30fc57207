package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.interpreter.AddParams;
import dev.edgeforge.core.interpreter.ConvParams;
import dev.edgeforge.core.interpreter.DepthwiseConvParams;
import dev.edgeforge.core.interpreter.FullyConnectedParams;
import dev.edgeforge.core.interpreter.OpParams;
import dev.edgeforge.core.interpreter.PoolParams;
import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.interpreter.PreparedOperator;
import dev.edgeforge.core.interpreter.SoftmaxParams;

/**
 * Multiply-accumulates of one inference, counted as X-CUBE-AI's reports count them: one per weight use in
 * convolutions and fully-connected layers, one per window element in pooling, one per element in ADD and SOFTMAX;
 * reshapes and requantizations count nothing.
 */
public final class MacCounter {

    private MacCounter() {}

    public static long count(PreparedModel model) {
        long total = 0;
        for (PreparedOperator op : model.operators()) {
            total += count(
                    op.params(),
                    op.operator().hasInput(1)
                            ? model.graph().tensor(op.operator().input(1)).shape()
                            : new int[0]);
        }
        return total;
    }

    private static long count(OpParams params, int[] filterShape) {
        if (params instanceof ConvParams p) {
            long filterDepth = filterShape.length == 4 ? filterShape[3] : p.inputDepth();
            return (long) p.batches()
                    * p.outputHeight()
                    * p.outputWidth()
                    * p.outputDepth()
                    * p.filterHeight()
                    * p.filterWidth()
                    * filterDepth;
        }
        if (params instanceof DepthwiseConvParams p) {
            return (long) p.batches()
                    * p.outputHeight()
                    * p.outputWidth()
                    * p.outputDepth()
                    * p.filterHeight()
                    * p.filterWidth();
        }
        if (params instanceof FullyConnectedParams p) {
            return (long) p.batches() * p.outputDepth() * p.accumDepth();
        }
        if (params instanceof PoolParams p) {
            return (long) p.batches()
                    * p.outputHeight()
                    * p.outputWidth()
                    * p.depth()
                    * p.filterHeight()
                    * p.filterWidth();
        }
        if (params instanceof AddParams p) {
            return p.elementCount();
        }
        if (params instanceof SoftmaxParams p) {
            return (long) p.outerSize() * p.depth();
        }
        return 0;
    }
}
