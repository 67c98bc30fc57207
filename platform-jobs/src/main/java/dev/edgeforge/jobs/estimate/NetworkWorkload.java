package dev.edgeforge.jobs.estimate;

import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.device.NetworkPlan;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.model.stats.OperatorStats;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The board-independent figures of a model's compiled int8 network (its {@link NetworkCore}), from
 * {@link ModelStats} and the graph.
 *
 * @param stats           parameters, weight bytes, MACs, arena and its lower bound
 * @param convMacs        MACs of CONV_2D
 * @param fullyConnectedMacs MACs of FULLY_CONNECTED
 * @param depthwiseMacs   MACs of DEPTHWISE_CONV_2D
 * @param softmaxElements elements written by SOFTMAX (each costs a fixed-point exponential)
 * @param outputElements  elements written by all operators (each costs a requantization or a copy)
 * @param requantChannels output channels of the weighted operators (each has a multiplier and a shift in flash)
 * @param constantBytes   bytes of every constant tensor (what the generated {@code model_data.c} holds)
 * @param inputBytes      bytes of the int8 input tensor
 * @param operatorTypes   the operator types the network uses (one kernel each)
 * @param plan            what the generator decides: each operator's kernel and the arena plan
 */
public record NetworkWorkload(
        ModelStats stats,
        long convMacs,
        long fullyConnectedMacs,
        long depthwiseMacs,
        long softmaxElements,
        long outputElements,
        long requantChannels,
        long constantBytes,
        int inputBytes,
        Set<OpType> operatorTypes,
        NetworkPlan plan) {

    public NetworkWorkload {
        operatorTypes = Collections.unmodifiableSet(
                operatorTypes.isEmpty() ? EnumSet.noneOf(OpType.class) : EnumSet.copyOf(operatorTypes));
    }

    /**
     * @throws dev.edgeforge.core.device.UnsupportedModelException when the model cannot run as int8
     */
    public static NetworkWorkload of(ModelGraph model) {
        ModelGraph graph = NetworkCore.of(model).graph();
        ModelStats stats = ModelStats.of(graph);
        long conv = 0;
        long fullyConnected = 0;
        long depthwise = 0;
        long softmax = 0;
        long outputs = 0;
        long channels = 0;
        Set<OpType> types = EnumSet.noneOf(OpType.class);
        for (OperatorStats op : stats.operators()) {
            Operator operator = graph.operators().get(op.index());
            Tensor output = graph.tensor(operator.output(0));
            outputs += output.elementCount();
            types.add(op.type());
            switch (op.type()) {
                case CONV_2D -> {
                    conv += op.macs();
                    channels += output.dim(output.rank() - 1);
                }
                case FULLY_CONNECTED -> {
                    fullyConnected += op.macs();
                    channels += output.dim(output.rank() - 1);
                }
                case SOFTMAX -> softmax += output.elementCount();
                case DEPTHWISE_CONV_2D -> {
                    depthwise += op.macs();
                    channels += output.dim(output.rank() - 1);
                }
                default -> {}
            }
        }
        long constants = graph.tensors().stream()
                .filter(Tensor::isConstant)
                .mapToLong(Tensor::byteSize)
                .sum();
        return new NetworkWorkload(
                stats,
                conv,
                fullyConnected,
                depthwise,
                softmax,
                outputs,
                channels,
                constants,
                graph.inputTensor(0).byteSize(),
                types,
                NetworkPlan.of(graph));
    }

    /** The generated library's arena: the kernels' scratch buffers and in-place execution included. */
    public int arenaBytes() {
        return plan.arena().arenaBytes();
    }
}
