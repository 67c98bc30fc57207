package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import java.util.function.Function;

/**
 * Builds the DJL block of one {@link LayerSpec}, given the (channels-last) shape the layer receives. Blocks work on
 * channels-first tensors (see {@link ChannelLayout}). {@link LayerSpec.Add} has no block: {@link LayerNetworkBlock}
 * does the addition.
 */
final class DjlLayerFactory implements LayerSpec.Visitor<DjlLayerFactory.LayerBlock> {

    /**
     * The block of one layer and, for layers with weights, the inner block that owns them (read by the weight export).
     */
    record LayerBlock(Block block, Block weightsOwner) {
        static LayerBlock of(Block block) {
            return new LayerBlock(block, null);
        }
    }

    private final TensorShape in;

    DjlLayerFactory(TensorShape in) {
        this.in = in;
    }

    @Override
    public LayerBlock dense(LayerSpec.Dense layer) {
        Linear linear = Linear.builder().setUnits(layer.units()).build();
        return withActivation(null, linear, layer.activation());
    }

    @Override
    public LayerBlock conv1d(LayerSpec.Conv1d layer) {
        int before = layer.padding().padBefore(in.dim(0), layer.kernelSize(), layer.stride());
        int after = layer.padding().padAfter(in.dim(0), layer.kernelSize(), layer.stride());
        boolean symmetric = before == after;
        Conv1d conv = Conv1d.builder()
                .setFilters(layer.filters())
                .setKernelShape(new Shape(layer.kernelSize()))
                .optStride(new Shape(layer.stride()))
                .optPadding(new Shape(symmetric ? before : 0))
                .build();
        // PyTorch pads symmetrically; TFLite's SAME puts the odd zero after the data, so pad explicitly then.
        Block pad = symmetric ? null : lambda(x -> x.pad(new Shape(before, after), 0), "pad");
        return withActivation(pad, conv, layer.activation());
    }

    @Override
    public LayerBlock conv2d(LayerSpec.Conv2d layer) {
        return conv2d(
                layer.filters(),
                layer.kernelHeight(),
                layer.kernelWidth(),
                layer.stride(),
                layer.padding(),
                layer.activation(),
                1);
    }

    @Override
    public LayerBlock depthwiseConv2d(LayerSpec.DepthwiseConv2d layer) {
        int channels = in.dim(2);
        // A grouped convolution with one group per input channel: output channel c * m + j reads input channel c,
        // the same order as TFLite's DEPTHWISE_CONV_2D.
        return conv2d(
                channels * layer.depthMultiplier(),
                layer.kernelHeight(),
                layer.kernelWidth(),
                layer.stride(),
                layer.padding(),
                layer.activation(),
                channels);
    }

    private LayerBlock conv2d(
            int filters,
            int kernelHeight,
            int kernelWidth,
            int stride,
            Padding padding,
            Activation activation,
            int groups) {
        int top = padding.padBefore(in.dim(0), kernelHeight, stride);
        int bottom = padding.padAfter(in.dim(0), kernelHeight, stride);
        int left = padding.padBefore(in.dim(1), kernelWidth, stride);
        int right = padding.padAfter(in.dim(1), kernelWidth, stride);
        boolean symmetric = top == bottom && left == right;
        Conv2d conv = Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernelHeight, kernelWidth))
                .optStride(new Shape(stride, stride))
                .optPadding(symmetric ? new Shape(top, left) : new Shape(0, 0))
                .optGroups(groups)
                .build();
        Block pad = symmetric ? null : lambda(x -> x.pad(new Shape(left, right, top, bottom), 0), "pad");
        return withActivation(pad, conv, activation);
    }

    @Override
    public LayerBlock averagePool1d(LayerSpec.AveragePool1d layer) {
        return LayerBlock.of(
                Pool.avgPool1dBlock(new Shape(layer.poolSize()), new Shape(layer.stride()), new Shape(0), false, true));
    }

    @Override
    public LayerBlock maxPool1d(LayerSpec.MaxPool1d layer) {
        return LayerBlock.of(
                Pool.maxPool1dBlock(new Shape(layer.poolSize()), new Shape(layer.stride()), new Shape(0), false));
    }

    @Override
    public LayerBlock averagePool2d(LayerSpec.AveragePool2d layer) {
        return LayerBlock.of(Pool.avgPool2dBlock(
                new Shape(layer.poolSize(), layer.poolSize()),
                new Shape(layer.stride(), layer.stride()),
                new Shape(0, 0),
                false,
                true));
    }

    @Override
    public LayerBlock maxPool2d(LayerSpec.MaxPool2d layer) {
        return LayerBlock.of(Pool.maxPool2dBlock(
                new Shape(layer.poolSize(), layer.poolSize()),
                new Shape(layer.stride(), layer.stride()),
                new Shape(0, 0),
                false));
    }

    @Override
    public LayerBlock flatten(LayerSpec.Flatten layer) {
        return LayerBlock.of(lambda(
                x -> ChannelLayout.toChannelsLast(x).reshape(x.getShape().get(0), -1), "flatten"));
    }

    @Override
    public LayerBlock reshape(LayerSpec.Reshape layer) {
        int[] dims = layer.shape().stream().mapToInt(Integer::intValue).toArray();
        return LayerBlock.of(lambda(
                x -> {
                    long[] target = new long[dims.length + 1];
                    target[0] = x.getShape().get(0);
                    for (int i = 0; i < dims.length; i++) {
                        target[i + 1] = dims[i];
                    }
                    return ChannelLayout.toChannelsFirst(
                            ChannelLayout.toChannelsLast(x).reshape(new Shape(target)));
                },
                "reshape"));
    }

    @Override
    public LayerBlock dropout(LayerSpec.Dropout layer) {
        return LayerBlock.of(Dropout.builder().optRate((float) layer.rate()).build());
    }

    @Override
    public LayerBlock batchNorm(LayerSpec.BatchNorm layer) {
        BatchNorm norm = BatchNorm.builder()
                .optAxis(1)
                .optEpsilon(LayerSpec.BatchNorm.EPSILON)
                .build();
        return new LayerBlock(norm, norm);
    }

    @Override
    public LayerBlock relu(LayerSpec.Relu layer) {
        // fully qualified: DJL's activation blocks, not the learning block's enum
        return LayerBlock.of(ai.djl.nn.Activation.reluBlock());
    }

    @Override
    public LayerBlock relu6(LayerSpec.Relu6 layer) {
        // fully qualified: DJL's activation blocks, not the learning block's enum
        return LayerBlock.of(ai.djl.nn.Activation.relu6Block());
    }

    @Override
    public LayerBlock softmax(LayerSpec.Softmax layer) {
        // Channel axis: the last axis in channels-last order is axis 1 here.
        return LayerBlock.of(lambda(x -> x.softmax(1), "softmax"));
    }

    @Override
    public LayerBlock add(LayerSpec.Add layer) {
        return LayerBlock.of(null);
    }

    private static LayerBlock withActivation(Block pad, Block weighted, Activation activation) {
        if (pad == null && activation == Activation.NONE) {
            return new LayerBlock(weighted, weighted);
        }
        SequentialBlock sequence = new SequentialBlock();
        if (pad != null) {
            sequence.add(pad);
        }
        sequence.add(weighted);
        switch (activation) {
            // fully qualified: DJL's activation blocks, not the learning block's enum
            case RELU -> sequence.add(ai.djl.nn.Activation.reluBlock());
            // fully qualified: DJL's activation blocks, not the learning block's enum
            case RELU6 -> sequence.add(ai.djl.nn.Activation.relu6Block());
            case NONE -> {}
        }
        return new LayerBlock(sequence, weighted);
    }

    private static LambdaBlock lambda(Function<NDArray, NDArray> function, String name) {
        return new LambdaBlock(list -> new NDList(function.apply(list.singletonOrThrow())), name);
    }
}
