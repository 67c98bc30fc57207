package dev.edgeforge.core.dsp;

import java.util.function.Function;

/**
 * A block's plan (layouts, filters, tables derived from the input shape), kept for the last shape seen: feature
 * generation feeds a block windows of one shape, so one entry is enough. Thread-safe: the entry is immutable and
 * published through a volatile field; two threads may both plan a new shape, which only costs time.
 *
 * @param <T> the plan
 */
final class PlanCache<T> {

    private record Entry<T>(SignalShape shape, T plan) {}

    private final Function<SignalShape, T> planner;
    private volatile Entry<T> last;

    /** {@code planner} validates the input and derives the plan. */
    PlanCache(Function<SignalShape, T> planner) {
        this.planner = planner;
    }

    T get(SignalShape input) {
        Entry<T> entry = last;
        if (entry == null || !entry.shape().equals(input)) {
            entry = new Entry<>(input, planner.apply(input));
            last = entry;
        }
        return entry.plan();
    }
}
