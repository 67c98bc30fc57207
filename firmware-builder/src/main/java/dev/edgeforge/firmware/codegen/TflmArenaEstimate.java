package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.memory.MemoryPlanner;
import dev.edgeforge.core.memory.TensorLifetime;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tensor arena a TensorFlow Lite Micro build of a model needs, estimated ahead of time: the activations as
 * TFLM's GreedyMemoryPlanner places them (largest first, each at the lowest 16-byte-aligned offset free of the
 * tensors alive with it; usually more than EdgeForge's planner, which also tries other orders), plus what TFLM keeps
 * in the same arena: 8 bytes per output channel of every per-channel convolution, depthwise convolution and
 * fully-connected layer (its requantization multipliers and shifts), a record per tensor and per operator, the
 * largest CMSIS-NN scratch buffer (a 16-bit copy of one filter window: input channels × kernel height × width × 2
 * bytes, twice for convolutions) and a margin (1 KiB plus 1/8 of the activations); rounded up to a kilobyte.
 *
 * <p>Against TFLM's measured smallest arenas for the four MLPerf Tiny models (22,824 / 55,000 / 100,712 / 3,012 B)
 * it gives 4–36 % more: a safe starting point; TFLM's
 * {@code arena_used_bytes()} tells the exact figure after {@code AllocateTensors()}.
 */
public final class TflmArenaEstimate {

    static final int BYTES_PER_CHANNEL = 8;
    static final int BYTES_PER_TENSOR = 24;
    static final int BYTES_PER_OPERATOR = 64;
    static final int SCRATCH_MARGIN = 1024;
    private static final int ALIGNMENT = 16;

    private TflmArenaEstimate() {}

    /** The estimated arena for {@code model} as TFLM runs it (the whole graph, edge QUANTIZE/DEQUANTIZE included). */
    public static int of(ModelGraph model) {
        int activations = greedyPlan(model);
        return roundUp(
                activations
                        + perChannelBytes(model)
                        + BYTES_PER_TENSOR * model.tensors().size()
                        + BYTES_PER_OPERATOR * model.operators().size()
                        + largestScratch(model)
                        + SCRATCH_MARGIN
                        + activations / 8,
                1024);
    }

    /** The activations placed largest first (TFLM's GreedyMemoryPlanner order). */
    static int greedyPlan(ModelGraph model) {
        List<TensorLifetime> lifetimes = new ArrayList<>(MemoryPlanner.lifetimes(model));
        lifetimes.sort(
                Comparator.comparingInt(TensorLifetime::bytes).reversed().thenComparingInt(TensorLifetime::first));
        List<TensorLifetime> placed = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int arena = 0;
        for (TensorLifetime tensor : lifetimes) {
            List<int[]> busy = new ArrayList<>();
            for (int i = 0; i < placed.size(); i++) {
                if (placed.get(i).overlaps(tensor)) {
                    busy.add(new int[] {
                        offsets.get(i), offsets.get(i) + placed.get(i).bytes()
                    });
                }
            }
            busy.sort(Comparator.comparingInt(range -> range[0]));
            int candidate = 0;
            for (int[] range : busy) {
                if (range[0] >= candidate + tensor.bytes()) {
                    break;
                }
                candidate = Math.max(candidate, roundUp(range[1], ALIGNMENT));
            }
            placed.add(tensor);
            offsets.add(candidate);
            arena = Math.max(arena, candidate + tensor.bytes());
        }
        return roundUp(arena, ALIGNMENT);
    }

    private static int largestScratch(ModelGraph model) {
        int largest = 0;
        for (Operator op : model.operators()) {
            if (op.type() == OpType.CONV_2D || op.type() == OpType.DEPTHWISE_CONV_2D) {
                Tensor input = model.tensor(op.input(0));
                Tensor filter = model.tensor(op.input(1));
                int window = input.dim(-1) * filter.dim(1) * filter.dim(2) * 2;
                largest = Math.max(largest, op.type() == OpType.CONV_2D ? 2 * window : window);
            }
        }
        return largest;
    }

    private static int perChannelBytes(ModelGraph model) {
        int channels = 0;
        for (Operator op : model.operators()) {
            boolean weighted = op.type() == OpType.CONV_2D
                    || op.type() == OpType.DEPTHWISE_CONV_2D
                    || op.type() == OpType.FULLY_CONNECTED;
            if (!weighted) {
                continue;
            }
            Tensor weights = model.tensor(op.input(1));
            boolean perChannel = op.type() != OpType.FULLY_CONNECTED
                    || (weights.quantization() != null && weights.quantization().isPerChannel());
            if (perChannel) {
                channels += model.tensor(op.output(0)).dim(-1);
            }
        }
        return BYTES_PER_CHANNEL * channels;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
