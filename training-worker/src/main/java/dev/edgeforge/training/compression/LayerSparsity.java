package dev.edgeforge.training.compression;

/**
 * How sparse one weighted layer is.
 *
 * @param layer   index in the network's layers
 * @param type    the layer's type name ({@code dense}, {@code conv1d}, …)
 * @param weights weight elements (biases not included)
 * @param zeros   of those, how many are exactly zero
 */
public record LayerSparsity(int layer, String type, int weights, int zeros) {

    /** {@code zeros / weights}. */
    public double sparsity() {
        return weights == 0 ? 0 : (double) zeros / weights;
    }
}
