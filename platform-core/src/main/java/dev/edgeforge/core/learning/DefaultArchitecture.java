package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Good default hidden layers per kind of feature, like Edge Impulse's: dense 20-10 for flat features, a conv1d stack
 * for time series and a conv2d stack for spectrograms and images. Pooling is only added while the data is long
 * enough to pool, so small inputs still give valid architectures.
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

    private static List<LayerSpec> timeSeries(TensorShape shape) {
        requireRank(shape, 2, "time series features", "[time, channels]");
        List<LayerSpec> layers = new ArrayList<>();
        int time = shape.dim(0);
        for (int filters : new int[] {8, 16}) {
            layers.add(LayerSpec.conv1d(filters, 3, 1, Padding.SAME, Activation.RELU));
            if (time >= 4) {
                layers.add(LayerSpec.maxPool1d(2, 2));
                time /= 2;
            }
        }
        layers.add(LayerSpec.dropout(0.25));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    private static List<LayerSpec> spectrogram(TensorShape shape) {
        List<LayerSpec> layers = new ArrayList<>();
        TensorShape image = shape;
        if (shape.rank() == 2) {
            image = TensorShape.of(shape.dim(0), shape.dim(1), 1);
            layers.add(LayerSpec.reshape(image.toArray()));
        }
        requireRank(image, 3, "spectrogram features", "[frames, bins, 1] or [frames, bins]");
        layers.addAll(convStack(image, new int[] {8, 16}));
        layers.add(LayerSpec.dropout(0.25));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    private static List<LayerSpec> image(TensorShape shape) {
        requireRank(shape, 3, "image features", "[height, width, channels]");
        List<LayerSpec> layers = new ArrayList<>(convStack(shape, new int[] {16, 32}));
        layers.add(LayerSpec.flatten());
        layers.add(LayerSpec.dropout(0.25));
        return layers;
    }

    private static List<LayerSpec> convStack(TensorShape shape, int[] filterCounts) {
        List<LayerSpec> layers = new ArrayList<>();
        int h = shape.dim(0);
        int w = shape.dim(1);
        for (int filters : filterCounts) {
            layers.add(LayerSpec.conv2d(filters, 3, 3, 1, Padding.SAME, Activation.RELU));
            if (h >= 4 && w >= 4) {
                layers.add(LayerSpec.maxPool2d(2, 2));
                h /= 2;
                w /= 2;
            }
        }
        return layers;
    }

    private static void requireRank(TensorShape shape, int rank, String what, String expected) {
        if (shape.rank() != rank) {
            throw new IllegalArgumentException(what + " need the shape " + expected + ", got " + shape);
        }
    }
}
