package dev.edgeforge.core.memory;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
 *
 * <p>With {@link ArenaRequests} (from a code generator that knows its kernels) the plan also holds each operator's
 * scratch buffer, alive during that operator only, and lets an output overlap an input its operator reads for the last
 * time, within the allowance the kernel states: such a pair is not an obstacle to each other where the allowance holds.
 */
public final class MemoryPlanner {

    /** Default offset alignment, as TFLite Micro aligns its buffers. */
    public static final int DEFAULT_ALIGNMENT = 16;

    private final int alignment;
    private final ArenaRequests requests;

    public MemoryPlanner() {
        this(DEFAULT_ALIGNMENT);
    }

    public MemoryPlanner(int alignment) {
        this(alignment, ArenaRequests.NONE);
    }

    private MemoryPlanner(int alignment, ArenaRequests requests) {
        if (alignment < 1 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + alignment);
        }
        this.alignment = alignment;
        this.requests = requests;
    }

    /** This planner, also placing the scratch buffers and honouring the in-place allowances of {@code requests}. */
    public MemoryPlanner withRequests(ArenaRequests requests) {
        return new MemoryPlanner(alignment, requests);
    }

    /** Plans the arena of {@code graph} (which must be valid). */
    public MemoryPlan plan(ModelGraph graph) {
        List<TensorLifetime> lifetimes = lifetimes(graph);
        int lowerBound = lowerBound(lifetimes, graph.operators().size());
        int tensorCount = graph.tensors().size();
        // Scratch buffers are planned like tensors alive for one operator, with ids after the tensors'.
        List<TensorLifetime> buffers = new ArrayList<>(lifetimes);
        requests.scratchBytes().forEach((op, bytes) -> {
            if (op >= graph.operators().size()) {
                throw new IllegalArgumentException("scratch for operator " + op + " of a graph with "
                        + graph.operators().size());
            }
            if (bytes > 0) {
                buffers.add(new TensorLifetime(tensorCount + op, bytes, op, op));
            }
        });
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
        MemoryPlan best =
                requests.inPlace().isEmpty() ? null : placeInPlace(graph, tensorCount, lifetimes, buffers, lowerBound);
        for (Map.Entry<String, Comparator<TensorLifetime>> order : orders.entrySet()) {
            MemoryPlan plan =
                    place(graph, tensorCount, lifetimes, buffers, order.getValue(), lowerBound, order.getKey());
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
            ModelGraph graph,
            int tensorCount,
            List<TensorLifetime> lifetimes,
            List<TensorLifetime> buffers,
            Comparator<TensorLifetime> order,
            int lowerBound,
            String strategy) {
        List<TensorLifetime> sorted = new ArrayList<>(buffers);
        sorted.sort(order);
        long[] offsets = new long[tensorCount + graph.operators().size()];
        Arrays.fill(offsets, -1);
        Map<Integer, TensorLifetime> byId = new HashMap<>();
        buffers.forEach(buffer -> byId.put(buffer.tensorId(), buffer));
        List<TensorLifetime> placed = new ArrayList<>();
        long arena = 0;
        for (TensorLifetime buffer : sorted) {
            // Obstacles: [start, end) ranges the buffer must not overlap; an in-place partner shrinks its range.
            List<long[]> obstacles = new ArrayList<>();
            for (TensorLifetime other : placed) {
                if (other.overlaps(buffer)) {
                    obstacles.addAll(obstacles(buffer, other, offsets[other.tensorId()], byId));
                }
            }
            obstacles.sort(Comparator.comparingLong(obstacle -> obstacle[0]));
            long candidate = 0;
            for (long[] obstacle : obstacles) {
                if (obstacle[0] >= candidate + buffer.bytes()) {
                    break;
                }
                candidate = Math.max(candidate, align(obstacle[1]));
            }
            if (candidate + buffer.bytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("activations need more than 2 GiB of arena");
            }
            offsets[buffer.tensorId()] = candidate;
            placed.add(buffer);
            arena = Math.max(arena, align(candidate + buffer.bytes()));
        }
        int[] tensorOffsets = new int[tensorCount];
        for (int id = 0; id < tensorCount; id++) {
            tensorOffsets[id] = (int) offsets[id];
        }
        int[] scratch = new int[graph.operators().size()];
        for (int op = 0; op < scratch.length; op++) {
            scratch[op] = (int) offsets[tensorCount + op];
        }
        return new MemoryPlan(
                (int) arena, tensorOffsets, lifetimes, lowerBound, alignment, strategy, scratch, requests);
    }

    /**
     * Reverse execution order with in-place inputs: operators from the last to the first, each placing the inputs it
     * reads for the last time and its scratch. An input may go where its operator's in-place allowance lets it overlap
     * the (already placed) output, at the lowest such start, when that gives a smaller arena than first fit; ties go
     * to the lower start. Laid out from the end, in-place inputs never need a start below 0.
     */
    private MemoryPlan placeInPlace(
            ModelGraph graph,
            int tensorCount,
            List<TensorLifetime> lifetimes,
            List<TensorLifetime> buffers,
            int lowerBound) {
        Map<Integer, TensorLifetime> byId = new HashMap<>();
        buffers.forEach(buffer -> byId.put(buffer.tensorId(), buffer));
        List<TensorLifetime> sorted = new ArrayList<>(buffers);
        // By the operator that reads them last, latest first; at one operator tensors before its scratch.
        sorted.sort(Comparator.comparingInt(TensorLifetime::last)
                .reversed()
                .thenComparing(buffer -> buffer.tensorId() >= tensorCount)
                .thenComparing(Comparator.comparingInt(TensorLifetime::bytes).reversed()));
        long[] offsets = new long[tensorCount + graph.operators().size()];
        Arrays.fill(offsets, -1);
        List<TensorLifetime> placed = new ArrayList<>();
        long arena = 0;
        for (TensorLifetime buffer : sorted) {
            long bestStart = firstFit(buffer, placed, offsets, byId);
            long bestArena = Math.max(arena, align(bestStart + buffer.bytes()));
            for (ArenaRequests.InPlace allowed : requests.inPlace()) {
                if (allowed.input() != buffer.tensorId() || !usable(allowed, byId) || offsets[allowed.output()] < 0) {
                    continue;
                }
                long lowest = allowed.maxShift() == Long.MAX_VALUE ? 0 : offsets[allowed.output()] - allowed.maxShift();
                long start = align(Math.max(0, lowest));
                long size = Math.max(arena, align(start + buffer.bytes()));
                if (fits(buffer, start, placed, offsets, byId)
                        && (size < bestArena || (size == bestArena && start < bestStart))) {
                    bestStart = start;
                    bestArena = size;
                }
            }
            offsets[buffer.tensorId()] = bestStart;
            placed.add(buffer);
            arena = bestArena;
        }
        if (arena > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("activations need more than 2 GiB of arena");
        }
        int[] tensorOffsets = new int[tensorCount];
        for (int id = 0; id < tensorCount; id++) {
            tensorOffsets[id] = (int) offsets[id];
        }
        int[] scratch = new int[graph.operators().size()];
        for (int op = 0; op < scratch.length; op++) {
            scratch[op] = (int) offsets[tensorCount + op];
        }
        return new MemoryPlan(
                (int) arena,
                tensorOffsets,
                lifetimes,
                lowerBound,
                alignment,
                "reverse execution order, in place",
                scratch,
                requests);
    }

    /** The lowest aligned start where {@code buffer} meets no placed buffer alive with it (allowances honoured). */
    private long firstFit(
            TensorLifetime buffer, List<TensorLifetime> placed, long[] offsets, Map<Integer, TensorLifetime> byId) {
        List<long[]> obstacles = new ArrayList<>();
        for (TensorLifetime other : placed) {
            if (other.overlaps(buffer)) {
                obstacles.addAll(obstacles(buffer, other, offsets[other.tensorId()], byId));
            }
        }
        obstacles.sort(Comparator.comparingLong(obstacle -> obstacle[0]));
        long candidate = 0;
        for (long[] obstacle : obstacles) {
            if (obstacle[0] >= candidate + buffer.bytes()) {
                break;
            }
            candidate = Math.max(candidate, align(obstacle[1]));
        }
        return candidate;
    }

    /** Whether {@code buffer} may start at {@code start} among the placed buffers. */
    private boolean fits(
            TensorLifetime buffer,
            long start,
            List<TensorLifetime> placed,
            long[] offsets,
            Map<Integer, TensorLifetime> byId) {
        for (TensorLifetime other : placed) {
            if (!other.overlaps(buffer)) {
                continue;
            }
            for (long[] obstacle : obstacles(buffer, other, offsets[other.tensorId()], byId)) {
                if (start + buffer.bytes() > obstacle[0] && start < obstacle[1]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The ranges {@code [start, end)} that keep {@code buffer} from starting in {@code (start - size, end)} because
     * {@code other} is at {@code at}. Normally that is where {@code other} is; for an in-place pair only the starts
     * that overlap outside the allowance are blocked (then a start may exceed its end).
     */
    private List<long[]> obstacles(
            TensorLifetime buffer, TensorLifetime other, long at, Map<Integer, TensorLifetime> byId) {
        long end = at + other.bytes();
        long size = buffer.bytes();
        for (ArenaRequests.InPlace allowed : requests.inPlace()) {
            if (!usable(allowed, byId)) {
                continue;
            }
            List<long[]> ranges = new ArrayList<>();
            if (allowed.output() == buffer.tensorId() && allowed.input() == other.tensorId()) {
                // Overlapping starts in [at + minShift, at + maxShift] are allowed.
                if (allowed.minShift() != Long.MIN_VALUE) {
                    ranges.add(new long[] {at, Math.min(end, at + allowed.minShift())});
                }
                if (allowed.maxShift() != Long.MAX_VALUE) {
                    ranges.add(new long[] {Math.max(at, at + allowed.maxShift() + size), end});
                }
                return ranges;
            }
            if (allowed.input() == buffer.tensorId() && allowed.output() == other.tensorId()) {
                // Overlapping starts in [at - maxShift, at - minShift] are allowed.
                if (allowed.maxShift() != Long.MAX_VALUE) {
                    ranges.add(new long[] {at, Math.min(end, at - allowed.maxShift())});
                }
                if (allowed.minShift() != Long.MIN_VALUE) {
                    ranges.add(new long[] {Math.max(at, at - allowed.minShift() + size), end});
                }
                return ranges;
            }
        }
        return List.of(new long[] {at, end});
    }

    /** An allowance applies when its operator is the input's last reader and the output's first writer. */
    private static boolean usable(ArenaRequests.InPlace allowed, Map<Integer, TensorLifetime> byId) {
        TensorLifetime input = byId.get(allowed.input());
        TensorLifetime output = byId.get(allowed.output());
        return input != null
                && output != null
                && input.last() == allowed.operator()
                && output.first() == allowed.operator();
    }

    private long align(long value) {
        return (value + alignment - 1) & -(long) alignment;
    }
}
