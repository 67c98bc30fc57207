/**
 * A model and its impulse as a microcontroller runs them: the all-int8 part of a graph compiled C executes
 * ({@link dev.edgeforge.core.device.NetworkCore}) and the impulse's one DSP block on raw windows
 * ({@link dev.edgeforge.core.device.ImpulseDsp}); what cannot run there is an
 * {@link dev.edgeforge.core.device.UnsupportedModelException}. The firmware builder generates C from these, the
 * server checks deployability and estimates costs with them.
 */
package dev.edgeforge.core.device;
