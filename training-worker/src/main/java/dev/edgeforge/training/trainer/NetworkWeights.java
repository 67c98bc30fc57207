package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.edgeforge.core.learning.LayerSpec;
import java.util.List;

/**
 * The live weights of the network being trained, by layer index (the indices of
 * {@link dev.edgeforge.core.learning.LearningBlock#networkLayers}), for a {@link StepHook}.
 *
 * <p>Arrays are in PyTorch's layout (dense {@code (units, inputs)}, conv1d {@code (filters, in, k)}, conv2d
 * {@code (filters, in, kh, kw)}, depthwise {@code (channels, 1, kh, kw)}), not TFLite's: element-wise operations such
 * as masks do not care. Changing them in place (outside a gradient collector, as hooks run) changes the network.
 */
public final class NetworkWeights {

    private final LayerNetworkBlock network;
    private final NDManager manager;

    NetworkWeights(LayerNetworkBlock network, NDManager manager) {
        this.network = network;
        this.manager = manager;
    }

    /** The layers trained (a classifier's final softmax is left out, the loss applies it). */
    public List<LayerSpec> layers() {
        return network.layers();
    }

    /** Whether layer {@code index} has a weight tensor (dense and convolution layers). */
    public boolean hasWeights(int index) {
        Block owner = index >= 0 && index < network.layers().size() ? network.weightsOwner(index) : null;
        return owner != null && owner.getParameters().contains("weight");
    }

    /** The weight tensor of layer {@code index}, live. */
    public NDArray weights(int index) {
        if (!hasWeights(index)) {
            throw new IllegalArgumentException("layer " + index + " has no weights");
        }
        return network.weightsOwner(index).getParameters().get("weight").getArray();
    }

    /** A manager that lives as long as the training run, for arrays a hook keeps between steps (masks). */
    public NDManager manager() {
        return manager;
    }
}
