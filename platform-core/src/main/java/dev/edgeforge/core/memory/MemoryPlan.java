package dev.edgeforge.core.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each activation tensor lives in one arena.
 *
 * @param arenaBytes     size of the arena (a multiple of {@code alignment})
 * @param offsets        offset of each tensor by id, or -1 for constants and tensors no operator touches
 * @param lifetimes      the activation tensors' lifetimes the plan respects
 * @param lowerBound     the liveness lower bound: the largest sum, over operators, of the bytes of the tensors alive
 *                       at that operator; no plan for this operator order can be smaller without in-place execution
 * @param alignment      every offset is a multiple of this
 * @param strategy       the placement order that gave this plan
 * @param scratch        offset of each operator's scratch buffer by operator index, -1 without one
 * @param requests       the scratch sizes and in-place allowances the plan honours
 */
public record MemoryPlan(
        int arenaBytes,
        int[] offsets,
        List<TensorLifetime> lifetimes,
        int lowerBound,
        int alignment,
        String strategy,
        int[] scratch,
        ArenaRequests requests) {

    public MemoryPlan {
        offsets = offsets.clone();
        lifetimes = List.copyOf(lifetimes);
        scratch = scratch.clone();
    }

    /** A plan of tensors only (no scratch, no in-place execution). */
    public MemoryPlan(
            int arenaBytes,
            int[] offsets,
            List<TensorLifetime> lifetimes,
            int lowerBound,
            int alignment,
            String strategy) {
        this(arenaBytes, offsets, lifetimes, lowerBound, alignment, strategy, new int[0], ArenaRequests.NONE);
    }

    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    /** Offset of tensor {@code tensorId} in the arena, or -1 when it is not planned (constants). */
    public int offset(int tensorId) {
        return offsets[tensorId];
    }

    @Override
    public int[] scratch() {
        return scratch.clone();
    }

    /** Offset of operator {@code operator}'s scratch buffer, or -1 when it has none. */
    public int scratchOffset(int operator) {
        return operator < scratch.length ? scratch[operator] : -1;
    }

    /**
     * Checks that every buffer fits the arena at an aligned offset and that no two buffers alive at the same time
     * overlap, except an output over an input within the in-place allowance of their operator.
     *
     * @throws IllegalStateException naming the two overlapping buffers
     */
    public void verify() {
        List<Buffer> buffers = buffers();
        for (Buffer a : buffers) {
            if (a.offset < 0 || a.offset + (long) a.bytes > arenaBytes || a.offset % alignment != 0) {
                throw new IllegalStateException(a.name + " at " + a.offset + " (" + a.bytes
                        + " bytes) does not fit an arena of " + arenaBytes + " aligned to " + alignment);
            }
            for (Buffer b : buffers) {
                if (a.id < b.id
                        && a.first <= b.last
                        && b.first <= a.last
                        && a.offset < b.offset + b.bytes
                        && b.offset < a.offset + a.bytes
                        && !inPlace(a, b)
                        && !inPlace(b, a)) {
                    throw new IllegalStateException(
                            a.name + " and " + b.name + " are alive together but overlap in the arena");
                }
            }
        }
    }

    /** Whether {@code output} may overlap {@code input} where they are. */
    private boolean inPlace(Buffer output, Buffer input) {
        for (ArenaRequests.InPlace allowed : requests.inPlace()) {
            if (allowed.output() == output.id
                    && allowed.input() == input.id
                    && input.last == allowed.operator()
                    && output.first == allowed.operator()
                    && allowed.allows(output.offset - (long) input.offset)) {
                return true;
            }
        }
        return false;
    }

    /** One placed buffer: a tensor (id = tensor id) or an operator's scratch (id = tensor count + operator). */
    private record Buffer(int id, String name, int offset, int bytes, int first, int last) {}

    private List<Buffer> buffers() {
        List<Buffer> buffers = new ArrayList<>();
        for (TensorLifetime lifetime : lifetimes) {
            buffers.add(new Buffer(
                    lifetime.tensorId(),
                    "tensor " + lifetime.tensorId(),
                    offsets[lifetime.tensorId()],
                    lifetime.bytes(),
                    lifetime.first(),
                    lifetime.last()));
        }
        for (int op = 0; op < scratch.length; op++) {
            if (scratch[op] >= 0) {
                buffers.add(new Buffer(
                        offsets.length + op,
                        "the scratch of operator " + op,
                        scratch[op],
                        requests.scratchBytes(op),
                        op,
                        op));
            }
        }
        return buffers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemoryPlan that
                && arenaBytes == that.arenaBytes
                && Arrays.equals(offsets, that.offsets)
                && lowerBound == that.lowerBound
                && alignment == that.alignment
                && Arrays.equals(scratch, that.scratch)
                && requests.equals(that.requests);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * arenaBytes + Arrays.hashCode(offsets)) + Arrays.hashCode(scratch);
    }

    @Override
    public String toString() {
        return "MemoryPlan[arena " + arenaBytes + " B, lower bound " + lowerBound + " B, " + lifetimes.size()
                + " tensors, " + strategy + "]";
    }
}
