/**
 * What a model graph costs and how well it does: {@link dev.edgeforge.core.model.stats.ModelStats} (parameters,
 * weight bytes, MACs per operator and in total, activation RAM) for any graph, and
 * {@link dev.edgeforge.core.model.stats.GraphPredictor}, which runs a float32 or int8 graph on real-valued features
 * the way the device does, to measure accuracy.
 */
package dev.edgeforge.core.model.stats;
