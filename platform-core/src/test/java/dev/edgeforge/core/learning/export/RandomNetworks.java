package dev.edgeforge.core.learning.export;

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
import java.util.Random;

/** Trained networks with seeded random parameters for any layer list, for conversion tests without DJL. */
public final class RandomNetworks {

    private RandomNetworks() {}

    public static TrainedNetwork of(
            LearningBlock.Kind kind, TensorShape input, List<String> outputNames, List<LayerSpec> specs, long seed) {
        Random random = new Random(seed);
        ShapeReport shapes = ShapeInference.infer(input, specs).orThrow();
        List<TrainedLayer> layers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            TensorShape in = shapes.inputShapeOf(i);
            TensorShape out = shapes.outputShapes().get(i);
            TensorShape weights = weightShape(spec, in);
            if (weights != null) {
                int channels = out.channels();
                float scale = (float) Math.sqrt(3.0 / (weights.elementCount() / channels));
                layers.add(TrainedLayer.weighted(
                        spec,
                        out,
                        new WeightTensor(weights, uniform(random, weights.elementCount(), scale)),
                        new WeightTensor(TensorShape.of(channels), uniform(random, channels, 0.3f))));
            } else if (spec instanceof LayerSpec.BatchNorm) {
                int c = in.channels();
                layers.add(TrainedLayer.withBatchNorm(
                        spec,
                        out,
                        new BatchNormParameters(
                                shifted(random, c, 1, 0.5f),
                                uniform(random, c, 0.5f),
                                uniform(random, c, 0.5f),
                                shifted(random, c, 1.2f, 0.7f),
                                LayerSpec.BatchNorm.EPSILON)));
            } else {
                layers.add(TrainedLayer.of(spec, out));
            }
        }
        return new TrainedNetwork(kind, input, outputNames, layers);
    }

    static float[][] inputs(TensorShape shape, int count, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = uniform(random, shape.elementCount(), 2f);
        }
        return rows;
    }

    private static TensorShape weightShape(LayerSpec spec, TensorShape in) {
        if (spec instanceof LayerSpec.Dense d) {
            return TensorShape.of(d.units(), in.dim(0));
        }
        if (spec instanceof LayerSpec.Conv1d c) {
            return TensorShape.of(c.filters(), 1, c.kernelSize(), in.channels());
        }
        if (spec instanceof LayerSpec.Conv2d c) {
            return TensorShape.of(c.filters(), c.kernelHeight(), c.kernelWidth(), in.channels());
        }
        if (spec instanceof LayerSpec.DepthwiseConv2d d) {
            return TensorShape.of(1, d.kernelHeight(), d.kernelWidth(), in.channels() * d.depthMultiplier());
        }
        return null;
    }

    private static float[] uniform(Random random, int count, float scale) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }

    private static float[] shifted(Random random, int count, float centre, float spread) {
        float[] values = uniform(random, count, spread);
        for (int i = 0; i < count; i++) {
            values[i] += centre;
        }
        return values;
    }
}
