package dev.edgeforge.training.compression;

/**
 * How structured pruning shrank one layer.
 *
 * @param layer  index in the network's layers
 * @param type   the layer's type name ({@code dense}, {@code conv1d}, {@code conv2d})
 * @param before units or filters before
 * @param after  units or filters after
 */
public record LayerShrink(int layer, String type, int before, int after) {}
