package dev.edgeforge.core.device;

import dev.edgeforge.core.interpreter.AddParams;
import dev.edgeforge.core.interpreter.ConvParams;
import dev.edgeforge.core.interpreter.DepthwiseConvParams;
import dev.edgeforge.core.interpreter.FullyConnectedParams;
import dev.edgeforge.core.interpreter.OpParams;
import dev.edgeforge.core.interpreter.PreparedOperator;
import dev.edgeforge.core.interpreter.QuantizeParams;
import dev.edgeforge.core.interpreter.ReshapeParams;
import dev.edgeforge.core.memory.ArenaRequests;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which kernel runs each operator of a network, decided ahead of time from shapes, weights and quantization: the
 * packed kernels (weights re-laid for the SIMD loops, requantization constants of {@link PackedRequant}) where their
 * exactness is proven, the unpacked ones otherwise. It also states what those kernels need of the arena: scratch
 * buffers, and where an output may overlap its input ({@link ArenaRequests}).
 *
 * <p>Pure planning, no C: the firmware builder's generator writes the C for these choices (and the packed arrays as
 * const data), and the deployment estimator reads them to predict what a build will measure, so both see one plan.
 */
public final class KernelPlan {

    /** The kernel of one operator. */
    public sealed interface Choice {}

    /** The unpacked kernel, on the model's own tensors. */
    public record Unpacked() implements Choice {}

    /**
     * CONV_2D on a packed stream (weights and requantization constants); {@code reverse} when its output is larger
     * than its input, so that the output may start where the input does.
     */
    public record PackedConv(ConvParams params, byte[] stream, int patchSize, boolean reverse) implements Choice {}

    /** DEPTHWISE_CONV_2D (depth multiplier 1, dilation 1) on packed weights. */
    public record PackedDepthwise(DepthwiseConvParams params, PackedRequant requant, byte[] weights)
            implements Choice {}

    /** FULLY_CONNECTED (symmetric weights) on a packed stream. */
    public record PackedFullyConnected(FullyConnectedParams params, byte[] stream) implements Choice {}

    private final List<Choice> choices;
    private final ArenaRequests requests;

    private KernelPlan(List<Choice> choices, ArenaRequests requests) {
        this.choices = List.copyOf(choices);
        this.requests = requests;
    }

    /**
     * The plan of every operator of {@code graph}.
     *
     * @param operators the prepared operators of {@code graph}, in order (any memory plan: only their params are read)
     */
    public static KernelPlan of(ModelGraph graph, List<PreparedOperator> operators) {
        List<Choice> choices = new ArrayList<>();
        Map<Integer, Integer> scratch = new LinkedHashMap<>();
        List<ArenaRequests.InPlace> inPlace = new ArrayList<>();
        for (PreparedOperator prepared : operators) {
            Operator op = prepared.operator();
            Choice choice = choose(graph, op, prepared.params());
            choices.add(choice);
            int index = prepared.index();
            int input = op.input(0);
            int output = op.output(0);
            if (choice instanceof PackedConv conv) {
                scratch.put(index, 5 * PackedLayout.stride(conv.patchSize()));
                inPlace.add(
                        conv.reverse()
                                ? new ArenaRequests.InPlace(
                                        index,
                                        input,
                                        output,
                                        PackedLayout.convReverseInPlaceShift(conv.params()),
                                        Long.MAX_VALUE)
                                : new ArenaRequests.InPlace(
                                        index,
                                        input,
                                        output,
                                        Long.MIN_VALUE,
                                        PackedLayout.convInPlaceShift(conv.params())));
            } else if (choice instanceof PackedDepthwise dw) {
                DepthwiseConvParams p = dw.params();
                int groups = (p.inputDepth() + 3) / 4;
                int taps = p.filterHeight() * p.filterWidth();
                scratch.put(index, (8 * p.filterHeight() * PackedLayout.paddedWidth(p) + 8 * taps + 76) * groups);
                inPlace.add(new ArenaRequests.InPlace(
                        index, input, output, Long.MIN_VALUE, PackedLayout.depthwiseInPlaceShift(p)));
            } else if (choice instanceof PackedFullyConnected fc) {
                FullyConnectedParams p = fc.params();
                // One row of whole blocks is read where it is: no scratch, and no overlap with the output.
                if (!PackedLayout.fullyConnectedReadsInPlace(p.batches(), p.accumDepth())) {
                    scratch.put(index, 4 * PackedLayout.stride(p.accumDepth()));
                    inPlace.add(new ArenaRequests.InPlace(
                            index,
                            input,
                            output,
                            Long.MIN_VALUE,
                            PackedLayout.fullyConnectedInPlaceShift(p.batches(), p.accumDepth(), p.outputDepth())));
                }
            } else if (elementWise(prepared.params())) {
                // Element by element in order: the output may start where the input starts, or before.
                for (int k = 0; k < op.inputCount(); k++) {
                    if (op.input(k) != Operator.NO_TENSOR
                            && !graph.tensor(op.input(k)).isConstant()) {
                        inPlace.add(new ArenaRequests.InPlace(index, op.input(k), output, Long.MIN_VALUE, 0));
                    }
                }
            }
        }
        return new KernelPlan(choices, new ArenaRequests(scratch, inPlace));
    }

    /** The kernel of operator {@code index}. */
    public Choice choice(int index) {
        return choices.get(index);
    }

    /** Scratch and in-place allowances for the memory planner. */
    public ArenaRequests requests() {
        return requests;
    }

    /** Whether some operator reads constant tensor {@code tensorId} as it is in the model (not packed). */
    public boolean readsRaw(ModelGraph graph, int tensorId) {
        for (int i = 0; i < choices.size(); i++) {
            Operator op = graph.operators().get(i);
            boolean packed = !(choices.get(i) instanceof Unpacked);
            for (int k = 0; k < op.inputCount(); k++) {
                // A packed operator reads its input activation only; its weights and bias are in the packed arrays.
                if (op.input(k) == tensorId && (!packed || k == 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean elementWise(OpParams params) {
        return (params instanceof AddParams add && !add.broadcast())
                || (params instanceof QuantizeParams quantize && quantize.requantize())
                || params instanceof ReshapeParams;
    }

    private static Choice choose(ModelGraph graph, Operator op, OpParams params) {
        if (op.hasInput(2) && !graph.tensor(op.input(2)).isConstant()) {
            return new Unpacked(); // a bias computed by the network is not folded ahead of time
        }
        if (params instanceof ConvParams p && p.quantized()) {
            Tensor filter = graph.tensor(op.input(1));
            if (filter.dim(3) != p.inputDepth() || !filter.isConstant()) {
                return new Unpacked(); // grouped convolution
            }
            int size = p.filterHeight() * p.filterWidth() * p.inputDepth();
            byte[] weights = filter.int8Data();
            Optional<PackedRequant> requant = PackedRequant.of(
                    rows(weights, p.outputDepth(), size),
                    bias(graph, op),
                    p.outputMultiplier(),
                    p.outputShift(),
                    p.inputOffset(),
                    p.outputOffset());
            boolean reverse = graph.tensor(op.output(0)).byteSize()
                    > graph.tensor(op.input(0)).byteSize();
            return requant.<Choice>map(rq ->
                            new PackedConv(p, PackedLayout.stream(weights, p.outputDepth(), size, rq), size, reverse))
                    .orElse(new Unpacked());
        }
        if (params instanceof DepthwiseConvParams p && p.quantized()) {
            Tensor filter = graph.tensor(op.input(1));
            if (p.depthMultiplier() != 1
                    || p.dilationHeight() != 1
                    || p.dilationWidth() != 1
                    || p.filterHeight() > 16
                    || !filter.isConstant()) {
                return new Unpacked();
            }
            int taps = p.filterHeight() * p.filterWidth();
            int depth = p.inputDepth();
            byte[] weights = filter.int8Data();
            PackedRequant.Weights byChannel = new PackedRequant.Weights() {
                @Override
                public int channels() {
                    return depth;
                }

                @Override
                public int taps() {
                    return taps;
                }

                @Override
                public int weight(int c, int k) {
                    return weights[k * depth + c];
                }
            };
            Optional<PackedRequant> requant = PackedRequant.of(
                    byChannel,
                    bias(graph, op),
                    p.outputMultiplier(),
                    p.outputShift(),
                    p.inputOffset(),
                    p.outputOffset());
            return requant.<Choice>map(
                            rq -> new PackedDepthwise(p, rq, PackedLayout.channelGroups(weights, depth, taps)))
                    .orElse(new Unpacked());
        }
        if (params instanceof FullyConnectedParams p && p.quantized()) {
            Tensor filter = graph.tensor(op.input(1));
            if (p.weightsOffset() != 0 || !filter.isConstant()) {
                return new Unpacked();
            }
            byte[] weights = filter.int8Data();
            int[] multiplier = p.outputMultiplier();
            int[] shift = p.outputShift();
            if (!p.perChannel()) {
                multiplier = repeat(multiplier[0], p.outputDepth());
                shift = repeat(shift[0], p.outputDepth());
            }
            Optional<PackedRequant> requant = PackedRequant.of(
                    rows(weights, p.outputDepth(), p.accumDepth()),
                    bias(graph, op),
                    multiplier,
                    shift,
                    p.inputOffset(),
                    p.outputOffset());
            return requant.<Choice>map(rq -> new PackedFullyConnected(
                            p, PackedLayout.stream(weights, p.outputDepth(), p.accumDepth(), rq)))
                    .orElse(new Unpacked());
        }
        return new Unpacked();
    }

    private static PackedRequant.Weights rows(byte[] weights, int channels, int size) {
        return new PackedRequant.Weights() {
            @Override
            public int channels() {
                return channels;
            }

            @Override
            public int taps() {
                return size;
            }

            @Override
            public int weight(int c, int k) {
                return weights[c * size + k];
            }
        };
    }

    private static int[] bias(ModelGraph graph, Operator op) {
        return op.hasInput(2) ? graph.tensor(op.input(2)).int32Data() : null;
    }

    private static int[] repeat(int value, int count) {
        int[] values = new int[count];
        Arrays.fill(values, value);
        return values;
    }
}
