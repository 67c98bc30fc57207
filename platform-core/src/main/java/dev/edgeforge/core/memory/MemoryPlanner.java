package dev.edgeforge.core.memory;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the activation arena of a graph.
 *
 * <p>Each activation tensor is alive from the operator that writes it to the last one that reads it. Tensors are
 * placed one at a time at the lowest aligned offset where they overlap no already-placed tensor alive at the same time
 * (first fit). The order of placement decides the result: TFLite Micro's GreedyMemoryPlanner uses largest first; this
 * planner also tries longest-lived first, largest size × lifetime first, and execution order, and keeps the smallest
 * arena (ties: largest first, so it is never worse than the TFLM greedy plan with the same alignment).
 */
public final class MemoryPlanner {

    /** Default offset alignment, as TFLite Micro aligns its buffers. */
    public static final int DEFAULT_ALIGNMENT = 16;

    private final int alignment;

    public MemoryPlanner() {
        this(DEFAULT_ALIGNMENT);
    }

    public MemoryPlanner(int alignment) {
        if (alignment < 1 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + alignment);
        }
        this.alignment = alignment;
    }

    /** Plans the arena of {@code graph} (which must be valid). */
    public MemoryPlan plan(ModelGraph graph) {
        List<TensorLifetime> lifetimes = lifetimes(graph);
        int lowerBound = lowerBound(lifetimes, graph.operators().size());
        Map<String, Comparator<TensorLifetime>> orders = new LinkedHashMap<>();
        Comparator<TensorLifetime> bySize =
                Comparator.comparingInt(TensorLifetime::bytes).reversed();
        orders.put("greedy by size", bySize.thenComparingInt(TensorLifetime::first));
        orders.put(
                "greedy by lifetime",
                Comparator.<TensorLifetime>comparingInt(l -> l.last() - l.first())
                        .reversed()
                        .thenComparing(bySize));
        orders.put(
                "greedy by size x lifetime",
                Comparator.<TensorLifetime>comparingLong(l -> (long) l.bytes() * (l.last() - l.first() + 1))
                        .reversed()
                        .thenComparing(bySize));
        orders.put(
                "execution order",
                Comparator.comparingInt(TensorLifetime::first).thenComparing(bySize));
        MemoryPlan best = null;
        for (Map.Entry<String, Comparator<TensorLifetime>> order : orders.entrySet()) {
            MemoryPlan plan = place(graph.tensors().size(), lifetimes, order.getValue(), lowerBound, order.getKey());
            if (best == null || plan.arenaBytes() < best.arenaBytes()) {
                best = plan;
            }
        }
        return best;
    }

    /** The lifetimes of all activation tensors that a graph input, output or operator touches. */
    public static List<TensorLifetime> lifetimes(ModelGraph graph) {
        int tensorCount = graph.tensors().size();
        int[] first = new int[tensorCount];
        int[] last = new int[tensorCount];
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
        int lastOp = Math.max(graph.operators().size() - 1, 0);
        for (int id : graph.inputs()) {
            first[id] = 0;
            last[id] = Math.max(last[id], 0);
        }
        for (int i = 0; i < graph.operators().size(); i++) {
            Operator op = graph.operators().get(i);
            for (int id : op.inputs()) {
                if (id != Operator.NO_TENSOR && !graph.tensor(id).isConstant()) {
                    last[id] = Math.max(last[id], i);
                }
            }
            for (int id : op.outputs()) {
                if (first[id] < 0) {
                    first[id] = i;
                }
                last[id] = Math.max(last[id], i);
            }
        }
        for (int id : graph.outputs()) {
            last[id] = lastOp;
        }
        List<TensorLifetime> lifetimes = new ArrayList<>();
        for (int id = 0; id < tensorCount; id++) {
            Tensor tensor = graph.tensor(id);
            if (first[id] >= 0 && !tensor.isConstant()) {
                lifetimes.add(new TensorLifetime(id, tensor.byteSize(), first[id], last[id]));
            }
        }
        return lifetimes;
    }

    /** Largest sum, over operators, of the bytes of the tensors alive at that operator. */
    public static int lowerBound(List<TensorLifetime> lifetimes, int operatorCount) {
        // Sweep: each lifetime adds its bytes at its first operator and removes them after its last.
        int steps = Math.max(operatorCount, 1);
        long[] change = new long[steps + 1];
        for (TensorLifetime lifetime : lifetimes) {
            change[Math.min(lifetime.first(), steps)] += lifetime.bytes();
            change[Math.min(lifetime.last() + 1, steps)] -= lifetime.bytes();
        }
        long alive = 0;
        long best = 0;
        for (int op = 0; op < steps; op++) {
            alive += change[op];
            best = Math.max(best, alive);
        }
        return (int) Math.min(best, Integer.MAX_VALUE);
    }

    private MemoryPlan place(
            int tensorCount,
            List<TensorLifetime> lifetimes,
            Comparator<TensorLifetime> order,
            int lowerBound,
            String strategy) {
        List<TensorLifetime> sorted = new ArrayList<>(lifetimes);
        sorted.sort(order);
        int[] offsets = new int[tensorCount];
        Arrays.fill(offsets, -1);
        List<TensorLifetime> placed = new ArrayList<>();
        long arena = 0;
        for (TensorLifetime tensor : sorted) {
            List<TensorLifetime> conflicts = new ArrayList<>();
            for (TensorLifetime other : placed) {
                if (other.overlaps(tensor)) {
                    conflicts.add(other);
                }
            }
            conflicts.sort(Comparator.comparingInt(other -> offsets[other.tensorId()]));
            long candidate = 0;
            for (TensorLifetime other : conflicts) {
                long otherStart = offsets[other.tensorId()];
                if (otherStart >= candidate + tensor.bytes()) {
                    break;
                }
                candidate = Math.max(candidate, align(otherStart + other.bytes()));
            }
            if (candidate + tensor.bytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("activations need more than 2 GiB of arena");
            }
            offsets[tensor.tensorId()] = (int) candidate;
            placed.add(tensor);
            arena = Math.max(arena, align(candidate + tensor.bytes()));
        }
        return new MemoryPlan((int) arena, offsets, lifetimes, lowerBound, alignment, strategy);
    }

    private long align(long value) {
        return (value + alignment - 1) & -(long) alignment;
    }
}
