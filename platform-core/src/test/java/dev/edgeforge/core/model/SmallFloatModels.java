package dev.edgeforge.core.model;

import java.util.List;
import java.util.Random;

/** Small float32 graphs with seeded random weights, covering every operator, for tests. */
public final class SmallFloatModels {

    private SmallFloatModels() {}

    /**
     * [1,8,8,2] → CONV 3x3 SAME ReLU (4) → DEPTHWISE 3x3 SAME stride 2 ReLU6 ×2 (8) → two 1x1 convs (6 each) → ADD
     * ReLU → MAX_POOL 2x2 → AVERAGE_POOL 2x2 → RESHAPE [1,6] → FULLY_CONNECTED (3) → SOFTMAX.
     */
    public static ModelGraph convNet(long seed) {
        Random random = new Random(seed);
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("input", DataType.FLOAT32, new int[] {1, 8, 8, 2});
        int c1 = conv(b, random, "conv1", in, 2, 4, 3, Padding.SAME, 1, Activation.RELU, new int[] {1, 8, 8, 4});
        int dwW = b.addFloatConstant("dw/weights", new int[] {1, 3, 3, 8}, weights(random, 72, 9));
        int dwB = b.addFloatConstant("dw/bias", new int[] {8}, weights(random, 8, 4));
        int dw = b.addTensor("dw", DataType.FLOAT32, new int[] {1, 4, 4, 8});
        b.addOperator(
                OpType.DEPTHWISE_CONV_2D,
                DepthwiseConv2DOptions.of(Padding.SAME, 2, 2, 2, Activation.RELU6),
                new int[] {c1, dwW, dwB},
                new int[] {dw});
        int p1 = conv(b, random, "project1", dw, 8, 6, 1, Padding.VALID, 1, Activation.NONE, new int[] {1, 4, 4, 6});
        int p2 = conv(b, random, "project2", dw, 8, 6, 1, Padding.VALID, 1, Activation.NONE, new int[] {1, 4, 4, 6});
        int sum = b.addTensor("sum", DataType.FLOAT32, new int[] {1, 4, 4, 6});
        b.addOperator(OpType.ADD, new AddOptions(Activation.RELU), new int[] {p1, p2}, new int[] {sum});
        int max = b.addTensor("max", DataType.FLOAT32, new int[] {1, 2, 2, 6});
        b.addOperator(
                OpType.MAX_POOL_2D,
                new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
                new int[] {sum},
                new int[] {max});
        int avg = b.addTensor("avg", DataType.FLOAT32, new int[] {1, 1, 1, 6});
        b.addOperator(
                OpType.AVERAGE_POOL_2D,
                new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
                new int[] {max},
                new int[] {avg});
        int shape = b.addInt32Constant("flatten/shape", new int[] {2}, null, new int[] {1, 6});
        int flat = b.addTensor("flat", DataType.FLOAT32, new int[] {1, 6});
        b.addOperator(OpType.RESHAPE, new ReshapeOptions(new int[] {1, 6}), new int[] {avg, shape}, new int[] {flat});
        int logits = dense(b, random, "dense", flat, 6, 3, Activation.NONE);
        int probs = b.addTensor("probabilities", DataType.FLOAT32, new int[] {1, 3});
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {probs});
        return b.setInputs(in)
                .setOutputs(probs)
                .optLabels(List.of("idle", "wave", "circle"))
                .build();
    }

    /** [1,inputs] → FULLY_CONNECTED 16 ReLU → FULLY_CONNECTED classes → SOFTMAX. */
    public static ModelGraph denseNet(long seed, int inputs, int classes) {
        Random random = new Random(seed);
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("features", DataType.FLOAT32, new int[] {1, inputs});
        int hidden = dense(b, random, "hidden", in, inputs, 16, Activation.RELU);
        int logits = dense(b, random, "logits", hidden, 16, classes, Activation.NONE);
        int probs = b.addTensor("scores", DataType.FLOAT32, new int[] {1, classes});
        b.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {probs});
        return b.setInputs(in).setOutputs(probs).build();
    }

    /** Seeded uniform random inputs in [-1, 1]. */
    public static float[] randomInput(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }

    private static int conv(
            ModelGraph.Builder b,
            Random random,
            String name,
            int input,
            int inC,
            int outC,
            int k,
            Padding padding,
            int stride,
            Activation activation,
            int[] outShape) {
        int w = b.addFloatConstant(
                name + "/weights", new int[] {outC, k, k, inC}, weights(random, outC * k * k * inC, k * k * inC));
        int bias = b.addFloatConstant(name + "/bias", new int[] {outC}, weights(random, outC, 4));
        int out = b.addTensor(name, DataType.FLOAT32, outShape);
        b.addOperator(
                OpType.CONV_2D,
                Conv2DOptions.of(padding, stride, stride, activation),
                new int[] {input, w, bias},
                new int[] {out});
        return out;
    }

    private static int dense(
            ModelGraph.Builder b, Random random, String name, int input, int depth, int units, Activation activation) {
        int w = b.addFloatConstant(name + "/weights", new int[] {units, depth}, weights(random, units * depth, depth));
        int bias = b.addFloatConstant(name + "/bias", new int[] {units}, weights(random, units, 4));
        int out = b.addTensor(name, DataType.FLOAT32, new int[] {1, units});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(activation), new int[] {input, w, bias}, new int[] {out
                });
        return out;
    }

    private static float[] weights(Random random, int count, int fanIn) {
        float[] values = new float[count];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }
}
