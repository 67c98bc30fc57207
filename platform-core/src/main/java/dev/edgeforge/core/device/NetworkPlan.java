package dev.edgeforge.core.device;

import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.memory.MemoryPlanner;
import dev.edgeforge.core.model.ModelGraph;

/**
 * What the firmware builder's C library generator decides for an int8 network before it writes a file: the kernel of
 * each operator ({@link KernelPlan}: packed where {@link PackedRequant} proves it exact) and the arena plan those
 * kernels allow (their scratch buffers, in-place execution). The generator builds from it; the deployment estimator
 * reads it to predict what a build will measure.
 */
public final class NetworkPlan {

    private final KernelPlan kernels;
    private final PreparedModel prepared;

    private NetworkPlan(KernelPlan kernels, PreparedModel prepared) {
        this.kernels = kernels;
        this.prepared = prepared;
    }

    /** The plan of {@code core} (a {@link NetworkCore}'s graph) with the default planner. */
    public static NetworkPlan of(ModelGraph core) {
        return of(core, new MemoryPlanner());
    }

    /** The plan of {@code core} with {@code planner} (given the kernels' scratch and in-place allowances). */
    public static NetworkPlan of(ModelGraph core, MemoryPlanner planner) {
        // The kernels are chosen first; their scratch and in-place allowances then shape the arena plan.
        KernelPlan kernels =
                KernelPlan.of(core, PreparedModel.prepare(core, planner).operators());
        return new NetworkPlan(kernels, PreparedModel.prepare(core, planner.withRequests(kernels.requests())));
    }

    /** Every operator's params and the arena plan. */
    public PreparedModel prepared() {
        return prepared;
    }

    /** The arena plan. */
    public MemoryPlan arena() {
        return prepared.memoryPlan();
    }

    /** Whether operator {@code index} runs on a packed kernel (else on the unpacked kernel of its op). */
    public boolean packed(int index) {
        return !(kernels.choice(index) instanceof KernelPlan.Unpacked);
    }

    /** Whether operator {@code index} is a packed convolution that runs from its last pixel. */
    public boolean reverse(int index) {
        return kernels.choice(index) instanceof KernelPlan.PackedConv conv && conv.reverse();
    }

    /** The kernel of every operator, with what the kernels ask of the arena. */
    public KernelPlan kernels() {
        return kernels;
    }
}
