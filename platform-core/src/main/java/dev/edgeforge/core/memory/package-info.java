/**
 * Activation memory planning: where each activation tensor of a {@link dev.edgeforge.core.model.ModelGraph} lives in
 * one arena, so that the interpreter and the generated firmware need no dynamic allocation.
 *
 * <p>{@link dev.edgeforge.core.memory.MemoryPlanner} places tensors greedily (largest first, as TFLite Micro's
 * GreedyMemoryPlanner does, and tries a few other orders, keeping the smallest arena) and reports the liveness lower
 * bound next to the arena size. A code generator that knows its kernels adds {@link
 * dev.edgeforge.core.memory.ArenaRequests}: per-operator scratch buffers, and outputs that may overlap the input they
 * are computed from, which can bring the arena below the liveness bound.
 */
package dev.edgeforge.core.memory;
