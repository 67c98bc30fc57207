package dev.edgeforge.core.memory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kernels of a code generator ask of the arena besides the tensors: scratch buffers that live for one
 * operator, and outputs that may share bytes with an input the operator reads for the last time (in-place execution).
 * The planner knows nothing of kernels; whoever picks them states these facts about them.
 *
 * @param scratchBytes bytes of scratch by operator index (operators without scratch are absent)
 * @param inPlace      outputs that may overlap an input
 */
public record ArenaRequests(Map<Integer, Integer> scratchBytes, List<InPlace> inPlace) {

    /** No scratch, no in-place execution: what the interpreter needs. */
    public static final ArenaRequests NONE = new ArenaRequests(Map.of(), List.of());

    public ArenaRequests {
        scratchBytes = Map.copyOf(new TreeMap<>(scratchBytes));
        inPlace = List.copyOf(inPlace);
        scratchBytes.forEach((operator, bytes) -> {
            if (operator < 0 || bytes < 0) {
                throw new IllegalArgumentException("scratch of " + bytes + " bytes for operator " + operator);
            }
        });
    }

    /**
     * Operator {@code operator} may write tensor {@code output} over tensor {@code input} when the output starts
     * between {@code minShift} and {@code maxShift} bytes after the input starts (negative: before it), both
     * inclusive; {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} leave a side open. The kernel guarantees that every
     * byte it overwrites there has been read for the last time; the planner uses the allowance only when the operator
     * is the input's last reader and the output's writer.
     */
    public record InPlace(int operator, int input, int output, long minShift, long maxShift) {

        public InPlace {
            if (minShift > maxShift) {
                throw new IllegalArgumentException("in-place shifts " + minShift + " > " + maxShift);
            }
        }

        /** Whether an output starting {@code shift} bytes after the input's start is allowed. */
        public boolean allows(long shift) {
            return minShift <= shift && shift <= maxShift;
        }
    }

    /** Bytes of scratch of an operator, 0 when it has none. */
    public int scratchBytes(int operator) {
        return scratchBytes.getOrDefault(operator, 0);
    }
}
