package dev.edgeforge.firmware;

import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.Conv2DOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Padding;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.ReshapeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated image test set (circles, squares, crosses and stripes on noisy backgrounds, in random colours, sizes and
 * places) and a hand-built int8 CNN of the size the issue measured (3×3 conv 8, 3×3 conv 16, both stride 2, average
 * pool, fully connected to 4 classes): what an image deployment verifies, without training one.
 */
public final class ImageShapes {

    public static final List<String> LABELS = List.of("circle", "square", "cross", "stripes");

    private ImageShapes() {}

    /** One labelled picture. */
    public record Picture(RgbImage image, String label) {}

    /** An image impulse of {@code size × size} (squash) with the image block, 0..1 normalisation. */
    public static Impulse impulse(int size, ColorDepth depth, ImageParams params) {
        return new Impulse(
                1,
                new ImageInput(size, size, ResizeMode.SQUASH, depth),
                List.of(new ProcessingBlock(1, "Image", List.of(), params)),
                List.of(new LearningBlockRef("classification", "NN", List.of(1), null)));
    }

    public static ImageParams params() {
        return new ImageParams(ImageNormalization.ZERO_TO_ONE);
    }

    /** {@code count} pictures of {@code width × height}, the labels taking turns, from {@code seed}. */
    public static List<Picture> pictures(int count, int width, int height, long seed) {
        Random random = new Random(seed);
        List<Picture> pictures = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int kind = n % LABELS.size();
            int[] pixels = new int[width * height];
            int base = random.nextInt(96);
            for (int i = 0; i < pixels.length; i++) {
                int v = base + random.nextInt(32);
                pixels[i] = (v << 16) | (v << 8) | v;
            }
            int colour = 0x808080 | random.nextInt(0x1000000);
            double cx = width * (0.3 + 0.4 * random.nextDouble());
            double cy = height * (0.3 + 0.4 * random.nextDouble());
            double r = Math.min(width, height) * (0.15 + 0.15 * random.nextDouble());
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    boolean on = switch (kind) {
                        case 0 -> dx * dx + dy * dy < r * r;
                        case 1 -> Math.abs(dx) < r && Math.abs(dy) < r;
                        case 2 ->
                            (Math.abs(dx) < r / 4 && Math.abs(dy) < r) || (Math.abs(dy) < r / 4 && Math.abs(dx) < r);
                        default -> ((x + y) / Math.max(2, (int) (r / 3))) % 2 == 0;
                    };
                    if (on) {
                        pixels[y * width + x] = colour;
                    }
                }
            }
            pictures.add(new Picture(new RgbImage(width, height, pixels), LABELS.get(kind)));
        }
        return pictures;
    }

    /** The CNN for {@code size × size × channels} int8 inputs (scale 1/255, zero point −128: features 0..1). */
    public static ModelGraph model(int size, int channels, long seed) {
        Random random = new Random(seed);
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor(
                "image", DataType.INT8, new int[] {1, size, size, channels}, Quantization.perTensor(1f / 255, -128));
        int s1 = (size + 1) / 2;
        int c1 = conv(b, random, "conv1", in, 1f / 255, channels, 8, s1, 0.02f);
        int s2 = (s1 + 1) / 2;
        int c2 = conv(b, random, "conv2", c1, 0.02f, 8, 16, s2, 0.04f);
        int pooled = b.addTensor("pooled", DataType.INT8, new int[] {1, 1, 1, 16}, Quantization.perTensor(0.04f, -128));
        b.addOperator(
                OpType.AVERAGE_POOL_2D,
                new Pool2DOptions(Padding.VALID, s2, s2, s2, s2, Activation.NONE),
                new int[] {c2},
                new int[] {pooled});
        int flat = b.addTensor("flat", DataType.INT8, new int[] {1, 16}, Quantization.perTensor(0.04f, -128));
        b.addOperator(OpType.RESHAPE, new ReshapeOptions(new int[] {1, 16}), new int[] {pooled}, new int[] {flat});
        byte[] weights = new byte[4 * 16];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (random.nextInt(255) - 127);
        }
        int w = b.addInt8Constant("fc_w", new int[] {4, 16}, Quantization.perTensor(0.01f, 0), weights);
        int bias = b.addInt32Constant(
                "fc_b", new int[] {4}, Quantization.perTensor(0.04f * 0.01f, 0), new int[] {10, -20, 30, -40});
        int out = b.addTensor("scores", DataType.INT8, new int[] {1, 4}, Quantization.perTensor(0.1f, 0));
        b.addOperator(
                OpType.FULLY_CONNECTED,
                FullyConnectedOptions.of(Activation.NONE),
                new int[] {flat, w, bias},
                new int[] {out});
        return b.setInputs(in).setOutputs(out).optLabels(LABELS).build();
    }

    private static int conv(
            ModelGraph.Builder b,
            Random random,
            String name,
            int input,
            float inputScale,
            int inChannels,
            int outChannels,
            int outSize,
            float outputScale) {
        byte[] filter = new byte[outChannels * 3 * 3 * inChannels];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = (byte) (random.nextInt(255) - 127);
        }
        float filterScale = 0.005f;
        int f = b.addInt8Constant(
                name + "_w", new int[] {outChannels, 3, 3, inChannels}, Quantization.perTensor(filterScale, 0), filter);
        int[] biasValues = new int[outChannels];
        for (int i = 0; i < outChannels; i++) {
            biasValues[i] = random.nextInt(2001) - 1000;
        }
        int bias = b.addInt32Constant(
                name + "_b", new int[] {outChannels}, Quantization.perTensor(inputScale * filterScale, 0), biasValues);
        int out = b.addTensor(
                name,
                DataType.INT8,
                new int[] {1, outSize, outSize, outChannels},
                Quantization.perTensor(outputScale, -128));
        b.addOperator(
                OpType.CONV_2D,
                Conv2DOptions.of(Padding.SAME, 2, 2, Activation.RELU),
                new int[] {input, f, bias},
                new int[] {out});
        return out;
    }
}
