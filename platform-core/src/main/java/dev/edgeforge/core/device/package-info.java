/**
 * A model and its impulse as a microcontroller runs them: the all-int8 part of a graph compiled C executes
 * ({@link dev.edgeforge.core.device.NetworkCore}) and the impulse's one DSP block on raw windows
 * ({@link dev.edgeforge.core.device.ImpulseDsp}); what cannot run there is an
 * {@link dev.edgeforge.core.device.UnsupportedModelException}. The firmware builder generates C from these, the
 * server checks deployability and estimates costs with them.
 *
 * <p>{@link dev.edgeforge.core.device.NetworkPlan} is what the generated C will do, decided before any C is written:
 * the kernel of each operator ({@link dev.edgeforge.core.device.KernelPlan}: packed where
 * {@link dev.edgeforge.core.device.PackedRequant} proves the fused requantization exact, with weights laid out by
 * {@link dev.edgeforge.core.device.PackedLayout}) and the arena plan those kernels allow (scratch, in-place). The
 * firmware builder writes the C for it; the deployment estimator reads it, so estimate and build agree on the kernels.
 */
package dev.edgeforge.core.device;
