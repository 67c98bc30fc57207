package dev.edgeforge.training.trainer;

import ai.djl.nn.Block;
import dev.edgeforge.core.learning.BatchNormParameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.ShapeInference;
import dev.edgeforge.core.learning.ShapeReport;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.WeightTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a trained DJL network's float32 parameters into a {@link TrainedNetwork}, rearranging PyTorch's
 * channels-first weight layouts into TFLite's (see {@link TrainedNetwork} for the target layouts).
 */
final class WeightExporter {

    private WeightExporter() {}

    /**
     * @param trained    the DJL network (possibly without the final softmax of a classifier)
     * @param layers     the full layer list, output head included; its first layers are those of {@code trained}
     * @param input      sample shape
     * @param kind       classification or regression
     * @param outputNames class or target names
     */
    static TrainedNetwork export(
            LayerNetworkBlock trained,
            List<LayerSpec> layers,
            TensorShape input,
            LearningBlock.Kind kind,
            List<String> outputNames) {
        ShapeReport shapes = ShapeInference.infer(input, layers).orThrow();
        List<TrainedLayer> exported = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Block owner = i < trained.layers().size() ? trained.weightsOwner(i) : null;
            exported.add(layers.get(i)
                    .accept(new LayerExport(
                            owner, shapes.inputShapeOf(i), shapes.outputShapes().get(i))));
        }
        return new TrainedNetwork(kind, input, outputNames, exported);
    }

    /** The export of each layer kind. */
    private record LayerExport(Block owner, TensorShape in, TensorShape out)
            implements LayerSpec.Visitor<TrainedLayer> {

        @Override
        public TrainedLayer dense(LayerSpec.Dense layer) {
            // DJL Linear keeps weights as (units, inputs): already FULLY_CONNECTED's layout.
            return TrainedLayer.weighted(
                    layer, out, new WeightTensor(TensorShape.of(layer.units(), in.dim(0)), values("weight")), bias());
        }

        @Override
        public TrainedLayer conv1d(LayerSpec.Conv1d layer) {
            // (filters, in, k) -> [filters, 1, k, in]
            int filters = layer.filters();
            int inChannels = in.channels();
            int kernel = layer.kernelSize();
            float[] source = values("weight");
            float[] target = new float[source.length];
            for (int f = 0; f < filters; f++) {
                for (int c = 0; c < inChannels; c++) {
                    for (int k = 0; k < kernel; k++) {
                        target[(f * kernel + k) * inChannels + c] = source[(f * inChannels + c) * kernel + k];
                    }
                }
            }
            return TrainedLayer.weighted(
                    layer, out, new WeightTensor(TensorShape.of(filters, 1, kernel, inChannels), target), bias());
        }

        @Override
        public TrainedLayer conv2d(LayerSpec.Conv2d layer) {
            // (filters, in, kh, kw) -> [filters, kh, kw, in]
            int filters = layer.filters();
            int inChannels = in.channels();
            int kh = layer.kernelHeight();
            int kw = layer.kernelWidth();
            float[] source = values("weight");
            float[] target = new float[source.length];
            for (int f = 0; f < filters; f++) {
                for (int c = 0; c < inChannels; c++) {
                    for (int y = 0; y < kh; y++) {
                        for (int x = 0; x < kw; x++) {
                            target[((f * kh + y) * kw + x) * inChannels + c] =
                                    source[((f * inChannels + c) * kh + y) * kw + x];
                        }
                    }
                }
            }
            return TrainedLayer.weighted(
                    layer, out, new WeightTensor(TensorShape.of(filters, kh, kw, inChannels), target), bias());
        }

        @Override
        public TrainedLayer depthwiseConv2d(LayerSpec.DepthwiseConv2d layer) {
            // (in * m, 1, kh, kw) -> [1, kh, kw, in * m]; the output channel order is the same in both.
            int outChannels = in.channels() * layer.depthMultiplier();
            int kh = layer.kernelHeight();
            int kw = layer.kernelWidth();
            float[] source = values("weight");
            float[] target = new float[source.length];
            for (int o = 0; o < outChannels; o++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        target[(y * kw + x) * outChannels + o] = source[(o * kh + y) * kw + x];
                    }
                }
            }
            return TrainedLayer.weighted(
                    layer, out, new WeightTensor(TensorShape.of(1, kh, kw, outChannels), target), bias());
        }

        @Override
        public TrainedLayer batchNorm(LayerSpec.BatchNorm layer) {
            return TrainedLayer.withBatchNorm(
                    layer,
                    out,
                    new BatchNormParameters(
                            values("gamma"),
                            values("beta"),
                            values("runningMean"),
                            values("runningVar"),
                            LayerSpec.BatchNorm.EPSILON));
        }

        @Override
        public TrainedLayer averagePool1d(LayerSpec.AveragePool1d layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer maxPool1d(LayerSpec.MaxPool1d layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer averagePool2d(LayerSpec.AveragePool2d layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer maxPool2d(LayerSpec.MaxPool2d layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer flatten(LayerSpec.Flatten layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer reshape(LayerSpec.Reshape layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer dropout(LayerSpec.Dropout layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer relu(LayerSpec.Relu layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer relu6(LayerSpec.Relu6 layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer softmax(LayerSpec.Softmax layer) {
            return TrainedLayer.of(layer, out);
        }

        @Override
        public TrainedLayer add(LayerSpec.Add layer) {
            return TrainedLayer.of(layer, out);
        }

        private WeightTensor bias() {
            float[] bias = values("bias");
            return new WeightTensor(TensorShape.of(bias.length), bias);
        }

        private float[] values(String name) {
            return owner.getParameters().get(name).getArray().toFloatArray();
        }
    }
}
