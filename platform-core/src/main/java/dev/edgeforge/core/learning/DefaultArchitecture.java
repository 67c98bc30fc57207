package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Good default hidden layers per kind of feature: dense 20-10 for flat features, a MobileNet-style depthwise-separable
 * network for images ({@link #image}), and for
 * windows over time ({@code [time, channels]}: raw sensor windows, and MFE/MFCC/spectrogram frames with their bins as
 * channels) three 1-D convolution stages — convolution without activation, batch norm, ReLU, max pool 2 — with 16, 32
 * and 64 filters, then global average pooling over what is left of time and dropout 0.25. The kernel spans 5 raw
 * readings, or 3 frames of a spectrogram (each already 20 ms or so). Chosen on real recordings (issue #12: uWave
 * gestures 0.95–0.97, spoken digits 0.99–1.00 int8 top-1, against 0.32 for dense 20-10 on spectral features).
 * Pooling is only added while the data is long enough to pool, so small inputs still give valid architectures.
 */
public final class DefaultArchitecture {

    private DefaultArchitecture() {}

    /**
     * The default hidden layers for features of {@code kind} and shape {@code shape}.
     *
     * @throws IllegalArgumentException when the shape's rank does not fit the kind (e.g. an image of rank 1)
     */
    public static List<LayerSpec> layersFor(FeatureKind kind, TensorShape shape) {
        return switch (kind) {
            case FLAT -> flat(shape);
            case TIME_SERIES -> timeSeries(shape);
            case SPECTROGRAM -> spectrogram(shape);
            case IMAGE -> image(shape);
        };
    }

    private static List<LayerSpec> flat(TensorShape shape) {
        List<LayerSpec> layers = new ArrayList<>();
        if (shape.rank() > 1) {
            layers.add(LayerSpec.flatten());
        }
        layers.add(LayerSpec.dense(20, Activation.RELU));
        layers.add(LayerSpec.dense(10, Activation.RELU));
        return layers;
    }

    /** Filters of the three 1-D convolution stages for windows over time. */
    private static final int[] CONV1D_FILTERS = {16, 32, 64};
    /** Kernel of the 1-D convolutions over raw readings. */
    static final int RAW_KERNEL = 5;
    /** Kernel of the 1-D convolutions over spectrogram frames. */
    static final int FRAME_KERNEL = 3;

    private static List<LayerSpec> timeSeries(TensorShape shape) {
        requireRank(shape, 2, "time series features", "[time, channels]");
        return conv1dStack(shape, RAW_KERNEL);
    }

    private static List<LayerSpec> spectrogram(TensorShape shape) {
        if (shape.rank() == 3 && shape.dim(2) == 1) {
            // [frames, bins, 1]: the bins are the channels of a 1-D convolution over frames
            List<LayerSpec> layers = new ArrayList<>();
            layers.add(LayerSpec.reshape(shape.dim(0), shape.dim(1)));
            layers.addAll(conv1dStack(TensorShape.of(shape.dim(0), shape.dim(1)), FRAME_KERNEL));
            return layers;
        }
        requireRank(shape, 2, "spectrogram features", "[frames, bins] or [frames, bins, 1]");
        return conv1dStack(shape, FRAME_KERNEL);
    }

    private static List<LayerSpec> conv1dStack(TensorShape shape, int kernel) {
        int time = shape.dim(0);
        List<LayerSpec> layers = new ArrayList<>();
        for (int filters : CONV1D_FILTERS) {
            layers.add(LayerSpec.conv1d(filters, kernel, 1, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            if (time >= 4) {
                layers.add(LayerSpec.maxPool1d(2, 2));
                time /= 2;
            }
        }
        layers.add(LayerSpec.averagePool1d(time, time));
        layers.add(LayerSpec.dropout(0.25));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    /** One plain sentence saying which network {@link #layersFor} gives these features, and why. */
    public static String describe(FeatureKind kind, TensorShape shape) {
        return switch (kind) {
            case FLAT ->
                "Learning block: a small dense network (20 and 10 neurons) classifies the " + shape.dim(0)
                        + " features of each window.";
            case TIME_SERIES ->
                "Learning block: a 1-D convolutional network (three stages of 16, 32 and 64 filters over "
                        + RAW_KERNEL + " readings, batch norm, pooling) learns the shape of the " + shape.dim(0)
                        + " readings of each window, then averages what it found over time.";
            case SPECTROGRAM ->
                "Learning block: a 1-D convolutional network (three stages of 16, 32 and 64 filters over "
                        + FRAME_KERNEL + " frames, batch norm, pooling) reads the " + shape.dim(0)
                        + " frames of each window as a sequence, then averages what it found over time.";
            case IMAGE ->
                "Learning block: a MobileNet-style network (a 3×3 convolution, then three depthwise-separable "
                        + "stages of 16, 32 and 64 filters, batch norm, global average pooling) classifies each "
                        + shape.dim(1) + "×" + shape.dim(0) + " image; it is small enough for microcontrollers.";
        };
    }

    /** Pointwise filters of the depthwise-separable stages after the first convolution. */
    private static final int[] SEPARABLE_FILTERS = {16, 32, 64};
    /** Filters of the first, full convolution of an image. */
    static final int IMAGE_STEM_FILTERS = 8;

    /**
     * A MobileNet-style network (issue #20): a strided 3×3 convolution with {@value #IMAGE_STEM_FILTERS} filters, then
     * three depthwise-separable stages (3×3 depthwise, 1×1 pointwise with 16, 32 and 64 filters; the last two
     * strided), each convolution with batch norm and ReLU, global average pooling and dropout 0.25. At 96×96 RGB its
     * int8 activations peak at 55,296 B and its weights take 4,112 B plus 68 B per class, where the conv16→conv32
     * stack it replaces needed 184,320 B of activations, more than a 128 KiB board has ({@link NetworkFootprint}).
     * Strides stop once a side is below 4 pixels, so small inputs still give valid networks.
     */
    private static List<LayerSpec> image(TensorShape shape) {
        requireRank(shape, 3, "image features", "[height, width, channels]");
        List<LayerSpec> layers = new ArrayList<>();
        int[] size = {shape.dim(0), shape.dim(1)};
        layers.add(LayerSpec.conv2d(IMAGE_STEM_FILTERS, 3, 3, stride(size), Padding.SAME, Activation.NONE));
        layers.add(LayerSpec.batchNorm());
        layers.add(LayerSpec.relu());
        for (int i = 0; i < SEPARABLE_FILTERS.length; i++) {
            int stride = i == 0 ? 1 : stride(size);
            layers.add(LayerSpec.depthwiseConv2d(3, 3, 1, stride, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            layers.add(LayerSpec.conv2d(SEPARABLE_FILTERS[i], 1, 1, 1, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
        }
        int pool = Math.min(size[0], size[1]);
        if (pool > 1) {
            layers.add(LayerSpec.averagePool2d(pool, pool));
        }
        layers.add(LayerSpec.flatten());
        layers.add(LayerSpec.dropout(0.25));
        return layers;
    }

    /** 2 while both sides have at least 4 pixels (then halves {@code size}, rounding up like SAME), else 1. */
    private static int stride(int[] size) {
        if (size[0] >= 4 && size[1] >= 4) {
            size[0] = (size[0] + 1) / 2;
            size[1] = (size[1] + 1) / 2;
            return 2;
        }
        return 1;
    }

    private static void requireRank(TensorShape shape, int rank, String what, String expected) {
        if (shape.rank() != rank) {
            throw new IllegalArgumentException(what + " need the shape " + expected + ", got " + shape);
        }
    }
}
