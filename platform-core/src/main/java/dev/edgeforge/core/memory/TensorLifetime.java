package dev.edgeforge.core.memory;

/**
 * When an activation tensor is alive: from the operator that writes it ({@code first}; 0 for graph inputs) to the
 * last operator that reads it ({@code last}; the last operator for graph outputs), both inclusive.
 */
public record TensorLifetime(int tensorId, int bytes, int first, int last) {

    /** True when both tensors are alive at some common operator. */
    public boolean overlaps(TensorLifetime other) {
        return first <= other.last && other.first <= last;
    }
}
