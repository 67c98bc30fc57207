package dev.edgeforge.core.memory;

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
 */
public record MemoryPlan(
        int arenaBytes, int[] offsets, List<TensorLifetime> lifetimes, int lowerBound, int alignment, String strategy) {

    public MemoryPlan {
        offsets = offsets.clone();
        lifetimes = List.copyOf(lifetimes);
    }

    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    /** Offset of tensor {@code tensorId} in the arena, or -1 when it is not planned (constants). */
    public int offset(int tensorId) {
        return offsets[tensorId];
    }

    /**
     * Checks that no two tensors alive at the same time overlap in the arena and all fit in it.
     *
     * @throws IllegalStateException naming the two overlapping tensors
     */
    public void verify() {
        for (TensorLifetime a : lifetimes) {
            int start = offsets[a.tensorId()];
            if (start < 0 || start + (long) a.bytes() > arenaBytes || start % alignment != 0) {
                throw new IllegalStateException("tensor " + a.tensorId() + " at " + start + " (" + a.bytes()
                        + " bytes) does not fit an arena of " + arenaBytes + " aligned to " + alignment);
            }
            for (TensorLifetime b : lifetimes) {
                if (a.tensorId() < b.tensorId() && a.overlaps(b)) {
                    int otherStart = offsets[b.tensorId()];
                    if (start < otherStart + b.bytes() && otherStart < start + a.bytes()) {
                        throw new IllegalStateException("tensors " + a.tensorId() + " and " + b.tensorId()
                                + " are alive together but overlap in the arena");
                    }
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemoryPlan that
                && arenaBytes == that.arenaBytes
                && Arrays.equals(offsets, that.offsets)
                && lowerBound == that.lowerBound
                && alignment == that.alignment;
    }

    @Override
    public int hashCode() {
        return 31 * arenaBytes + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "MemoryPlan[arena " + arenaBytes + " B, lower bound " + lowerBound + " B, " + lifetimes.size()
                + " tensors, " + strategy + "]";
    }
}
