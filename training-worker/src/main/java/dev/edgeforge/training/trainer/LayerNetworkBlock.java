package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.ShapeInference;
import dev.edgeforge.core.learning.ShapeReport;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The DJL network of a layer list: one child block per layer, run in order, with residual {@link LayerSpec.Add}
 * layers reading the saved output of an earlier layer. A custom block rather than nested Sequential/Parallel blocks
 * so that any valid list (also with overlapping skip connections) maps one to one, child {@code i} being layer
 * {@code i}, which the weight export relies on.
 *
 * <p>Input and output are channels last ({@code (B, T, C)}, {@code (B, H, W, C)}); inside, tensors are channels first.
 */
final class LayerNetworkBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TensorShape inputShape;
    private final List<LayerSpec> layers;
    private final ShapeReport shapes;
    private final List<DjlLayerFactory.LayerBlock> layerBlocks;
    private final boolean[] savedForAdd;

    LayerNetworkBlock(TensorShape inputShape, List<LayerSpec> layers) {
        super(VERSION);
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
        this.shapes = ShapeInference.infer(inputShape, layers).orThrow();
        this.savedForAdd = new boolean[layers.size()];
        List<DjlLayerFactory.LayerBlock> blocks = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            DjlLayerFactory.LayerBlock block = layer.accept(new DjlLayerFactory(shapes.inputShapeOf(i)));
            if (block.block() != null) {
                addChildBlock(String.format("%02d_%s", i, layer.typeName()), block.block());
            }
            if (layer instanceof LayerSpec.Add add && add.from() >= 0) {
                savedForAdd[add.from()] = true;
            }
            blocks.add(block);
        }
        this.layerBlocks = Collections.unmodifiableList(blocks);
    }

    /** The layers this network was built from. */
    List<LayerSpec> layers() {
        return layers;
    }

    /** The shapes of every layer. */
    ShapeReport shapes() {
        return shapes;
    }

    /** The block owning layer {@code index}'s weights, or {@code null} for layers without weights. */
    Block weightsOwner(int index) {
        return layerBlocks.get(index).weightsOwner();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = ChannelLayout.toChannelsFirst(inputs.singletonOrThrow());
        NDArray[] saved = new NDArray[layers.size()];
        NDArray x = input;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof LayerSpec.Add add) {
                x = x.add(add.from() == -1 ? input : saved[add.from()]);
            } else {
                Block block = layerBlocks.get(i).block();
                x = block.forward(parameterStore, new NDList(x), training, params)
                        .singletonOrThrow();
            }
            if (savedForAdd[i]) {
                saved[i] = x;
            }
        }
        return new NDList(ChannelLayout.toChannelsLast(x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {ChannelLayout.channelsLast(inputShapes[0].get(0), shapes.outputShape())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        for (int i = 0; i < layers.size(); i++) {
            Block block = layerBlocks.get(i).block();
            if (block != null) {
                block.initialize(manager, dataType, ChannelLayout.channelsFirst(batch, shapes.inputShapeOf(i)));
            }
        }
    }

    @Override
    public String toString() {
        return "LayerNetworkBlock(input " + inputShape + ", " + layers.size() + " layers)";
    }
}
