package dev.edgeforge.core.model.stats;

import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.memory.MemoryPlanner;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.Tensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Size and compute of a {@link ModelGraph}, float32 or int8, as the device would run it.
 *
 * <ul>
 *   <li><b>Parameters</b>: elements of the constant tensors operators read as data — weights, biases and constant
 *       operands — each constant counted once; RESHAPE's shape vector is not a parameter. (For the MLPerf Tiny
 *       keyword-spotting DS-CNN this gives the 22,604 its README states.)</li>
 *   <li><b>Weight bytes</b>: the bytes of those constants, in total and by element type ({@code int8} weights,
 *       {@code int32} biases, {@code float32} …): what the model's data takes in flash, without the flatbuffer's
 *       framing.</li>
 *   <li><b>Sparsity</b>: the fraction of weight elements (input 1 of FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D) that
 *       are exactly zero (int8: equal to the zero point) — what magnitude pruning raises and a sparse encoding or
 *       compression of the flash image could exploit; biases are not counted.</li>
 *   <li><b>MACs</b>: multiply-accumulates per inference of the weighted operators, counted over the whole kernel
 *       window as is usual (taps that fall in the padding included): CONV_2D {@code N·H'·W'·C'·kh·kw·C},
 *       DEPTHWISE_CONV_2D {@code N·H'·W'·C'·kh·kw}, FULLY_CONNECTED {@code batches·units·depth}. Pools, ADD, SOFTMAX,
 *       RESHAPE, QUANTIZE and DEQUANTIZE count 0: they are cheap next to these and not multiply-accumulates.</li>
 *   <li><b>Activation RAM</b>: the liveness lower bound and the planned arena of {@link MemoryPlanner} (default
 *       16-byte alignment), graph input and output included.</li>
 * </ul>
 *
 * @param parameters           see above
 * @param weightBytes          see above
 * @param weightBytesByType    weight bytes by element type name ({@code int8}, {@code int32}, {@code float32}, …), in
 *                             the order first seen
 * @param weightElements       elements of the weight tensors (biases excluded)
 * @param zeroWeights          of those, how many are exactly zero
 * @param macs                 total multiply-accumulates per inference
 * @param activationLowerBound liveness lower bound of the activation arena, bytes
 * @param arenaBytes           the planned activation arena, bytes
 * @param operators            per-operator figures, in execution order
 */
public record ModelStats(
        long parameters,
        long weightBytes,
        Map<String, Long> weightBytesByType,
        long weightElements,
        long zeroWeights,
        long macs,
        int activationLowerBound,
        int arenaBytes,
        List<OperatorStats> operators) {

    public ModelStats {
        weightBytesByType = Collections.unmodifiableMap(new LinkedHashMap<>(weightBytesByType));
        operators = List.copyOf(operators);
    }

    /** The figures of {@code graph} (which must be valid, as every built graph is). */
    public static ModelStats of(ModelGraph graph) {
        boolean[] counted = new boolean[graph.tensors().size()];
        Map<String, Long> bytesByType = new LinkedHashMap<>();
        long parameters = 0;
        long bytes = 0;
        long weightElements = 0;
        long zeroWeights = 0;
        long macs = 0;
        List<OperatorStats> operators = new ArrayList<>();
        for (int index = 0; index < graph.operators().size(); index++) {
            Operator op = graph.operators().get(index);
            long opParameters = 0;
            int[] inputs = op.inputs();
            for (int slot = 0; slot < inputs.length; slot++) {
                int id = inputs[slot];
                if (id == Operator.NO_TENSOR
                        || counted[id]
                        || !graph.tensor(id).isConstant()
                        || (op.type() == OpType.RESHAPE && slot == 1)) {
                    continue;
                }
                counted[id] = true;
                Tensor constant = graph.tensor(id);
                opParameters += constant.elementCount();
                bytes += constant.byteSize();
                bytesByType.merge(constant.type().displayName(), (long) constant.byteSize(), Long::sum);
                if (slot == 1 && isWeighted(op.type())) {
                    weightElements += constant.elementCount();
                    zeroWeights += zeros(constant);
                }
            }
            parameters += opParameters;
            long opMacs = macs(graph, op);
            macs += opMacs;
            Tensor output = graph.tensor(op.output(0));
            operators.add(new OperatorStats(
                    index,
                    op.type(),
                    output.name(),
                    Arrays.stream(output.shape()).boxed().toList(),
                    opMacs,
                    opParameters));
        }
        MemoryPlan plan = new MemoryPlanner().plan(graph);
        return new ModelStats(
                parameters,
                bytes,
                bytesByType,
                weightElements,
                zeroWeights,
                macs,
                plan.lowerBound(),
                plan.arenaBytes(),
                operators);
    }

    /** Fraction of weight elements that are zero; 0 for a graph without weights. */
    public double sparsity() {
        return weightElements == 0 ? 0 : (double) zeroWeights / weightElements;
    }

    /** Multiply-accumulates of one operator per inference (0 for operators without weights). */
    public static long macs(ModelGraph graph, Operator op) {
        Tensor output = graph.tensor(op.output(0));
        return switch (op.type()) {
            case CONV_2D -> {
                Tensor filter = graph.tensor(op.input(1));
                yield (long) output.elementCount() * filter.dim(1) * filter.dim(2) * filter.dim(3);
            }
            case DEPTHWISE_CONV_2D -> {
                Tensor filter = graph.tensor(op.input(1));
                yield (long) output.elementCount() * filter.dim(1) * filter.dim(2);
            }
            case FULLY_CONNECTED -> {
                Tensor weights = graph.tensor(op.input(1));
                yield (long) output.elementCount() * weights.dim(1);
            }
            default -> 0L;
        };
    }

    private static boolean isWeighted(OpType type) {
        return type == OpType.CONV_2D || type == OpType.DEPTHWISE_CONV_2D || type == OpType.FULLY_CONNECTED;
    }

    /** Elements equal to real 0: float 0, or an integer value equal to its channel's zero point. */
    private static long zeros(Tensor tensor) {
        ByteBuffer data = tensor.data();
        long zeros = 0;
        if (tensor.type() == DataType.FLOAT32) {
            for (int i = 0; i < tensor.elementCount(); i++) {
                zeros += data.getFloat(4 * i) == 0f ? 1 : 0;
            }
            return zeros;
        }
        if (tensor.type() != DataType.INT8 && tensor.type() != DataType.UINT8) {
            return 0;
        }
        Quantization q = tensor.quantization();
        int channels = q == null ? 1 : q.channelCount();
        int inner = 1;
        if (q != null && q.isPerChannel()) {
            for (int axis = q.quantizedDimension() + 1; axis < tensor.rank(); axis++) {
                inner *= tensor.dim(axis);
            }
        }
        for (int i = 0; i < tensor.elementCount(); i++) {
            int value = tensor.type() == DataType.INT8 ? data.get(i) : Byte.toUnsignedInt(data.get(i));
            long zeroPoint = q == null ? 0 : q.zeroPoint(channels == 1 ? 0 : (i / inner) % channels);
            zeros += value == zeroPoint ? 1 : 0;
        }
        return zeros;
    }
}
