/**
 * What a model graph costs and how well it does: {@link dev.edgeforge.core.model.stats.ModelStats} (parameters,
 * weight bytes, sparsity, MACs per operator and in total, activation RAM) for any graph;
 * {@link dev.edgeforge.core.model.stats.GraphPredictor}, which runs a float32 or int8 graph on real-valued features
 * the way the device does, to measure accuracy; and the {@link dev.edgeforge.core.model.stats.CompressionReport} that
 * puts a model's variants (float32, int8, pruned, distilled) side by side for the API and the UI.
 */
package dev.edgeforge.core.model.stats;
