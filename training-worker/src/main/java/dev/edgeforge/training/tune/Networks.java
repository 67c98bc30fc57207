package dev.edgeforge.training.tune;

import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.ShapeInference;
import dev.edgeforge.core.learning.ShapeReport;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The network families of the search: hidden layers (the trainer adds the output layer) for features of a kind and
 * shape, at a width (filters or units of the first layer, doubled per stage for convolutions) and depth.
 */
final class Networks {

    /** A family of networks. */
    enum Family {
        DENSE,
        CONV1D,
        CONV2D,
        DEPTHWISE_SEPARABLE;

        String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The families that can read features of this kind. */
    static List<Family> familiesFor(FeatureKind kind) {
        return switch (kind) {
            case FLAT -> List.of(Family.DENSE);
            case TIME_SERIES, SPECTROGRAM ->
                List.of(Family.DENSE, Family.CONV1D, Family.CONV2D, Family.DEPTHWISE_SEPARABLE);
            case IMAGE -> List.of(Family.CONV2D, Family.DEPTHWISE_SEPARABLE);
        };
    }

    private Networks() {}

    /**
     * The hidden layers of {@code family} for features of {@code shape}, or empty when that family cannot read them
     * (e.g. a shape too small for the depth).
     */
    static Optional<List<LayerSpec>> layers(Family family, TensorShape shape, int width, int depth, int kernel) {
        List<LayerSpec> layers = switch (family) {
            case DENSE -> dense(shape, width, depth);
            case CONV1D -> conv1d(shape, width, depth, kernel);
            case CONV2D -> conv2d(shape, width, depth);
            case DEPTHWISE_SEPARABLE -> depthwiseSeparable(shape, width, depth, kernel);
        };
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        ShapeReport report = ShapeInference.infer(shape, layers);
        return report.isValid() ? Optional.of(layers) : Optional.empty();
    }

    /** One line for people. */
    static String describe(Family family, int width, int depth, int kernel) {
        return switch (family) {
            case DENSE -> String.format(Locale.ROOT, "dense %d×%d", depth, width);
            case CONV1D, DEPTHWISE_SEPARABLE ->
                String.format(
                        Locale.ROOT, "%s %d stages from %d filters, kernel %d", family.value(), depth, width, kernel);
            case CONV2D -> String.format(Locale.ROOT, "conv2d %d stages from %d filters, 3×3", depth, width);
        };
    }

    private static List<LayerSpec> dense(TensorShape shape, int width, int depth) {
        List<LayerSpec> layers = new ArrayList<>();
        if (shape.rank() > 1) {
            layers.add(LayerSpec.flatten());
        }
        int units = width;
        for (int i = 0; i < depth; i++) {
            layers.add(LayerSpec.dense(units, Activation.RELU));
            units = Math.max(4, units / 2);
        }
        return layers;
    }

    /** As {@code DefaultArchitecture}'s stack: convolution, batch norm, ReLU, max pool 2; global average pool. */
    private static List<LayerSpec> conv1d(TensorShape shape, int width, int depth, int kernel) {
        TensorShape series = asSeries(shape);
        if (series == null) {
            return List.of();
        }
        List<LayerSpec> layers = new ArrayList<>(reshapeTo(shape, series));
        int time = series.dim(0);
        int filters = width;
        for (int i = 0; i < depth; i++) {
            layers.add(LayerSpec.conv1d(filters, kernel, 1, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            if (time >= 4) {
                layers.add(LayerSpec.maxPool1d(2, 2));
                time /= 2;
            }
            filters *= 2;
        }
        layers.add(LayerSpec.averagePool1d(time, time));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    /**
     * Windows over time as a one-channel picture {@code [time, channels, 1]}: 3×3 convolutions with stride 2, batch
     * norm, ReLU, then the average over what is left.
     */
    private static List<LayerSpec> conv2d(TensorShape shape, int width, int depth) {
        TensorShape picture = asPicture(shape);
        if (picture == null) {
            return List.of();
        }
        List<LayerSpec> layers = new ArrayList<>(reshapeTo(shape, picture));
        int h = picture.dim(0);
        int w = picture.dim(1);
        int filters = width;
        for (int i = 0; i < depth; i++) {
            layers.add(LayerSpec.conv2d(filters, 3, 3, 2, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            h = (h + 1) / 2;
            w = (w + 1) / 2;
            filters *= 2;
        }
        layers.addAll(globalAverage(h, w, filters / 2));
        return layers;
    }

    /**
     * MobileNet-style blocks on {@code [time, 1, channels]} (or an image): a depthwise {@code kernel×1} convolution
     * with stride 2, then a pointwise 1×1 convolution, each with batch norm and ReLU.
     */
    private static List<LayerSpec> depthwiseSeparable(TensorShape shape, int width, int depth, int kernel) {
        List<LayerSpec> layers = new ArrayList<>();
        int h;
        int w;
        int kernelWidth;
        if (shape.rank() == 3 && shape.dim(2) > 1) {
            h = shape.dim(0);
            w = shape.dim(1);
            kernelWidth = Math.min(3, kernel);
        } else {
            TensorShape series = asSeries(shape);
            if (series == null) {
                return List.of();
            }
            h = series.dim(0);
            w = 1;
            kernelWidth = 1;
            layers.add(LayerSpec.reshape(h, 1, series.dim(1)));
        }
        int filters = width;
        for (int i = 0; i < depth; i++) {
            layers.add(LayerSpec.depthwiseConv2d(kernel, kernelWidth, 1, 2, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            layers.add(LayerSpec.conv2d(filters, 1, 1, 1, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            h = (h + 1) / 2;
            w = (w + 1) / 2;
            filters *= 2;
        }
        layers.addAll(globalAverage(h, w, filters / 2));
        return layers;
    }

    /** Averages an {@code [h, w, c]} map over its positions: reshape to {@code [h·w, c]}, average pool 1-D. */
    private static List<LayerSpec> globalAverage(int h, int w, int channels) {
        return List.of(LayerSpec.reshape(h * w, channels), LayerSpec.averagePool1d(h * w, h * w), LayerSpec.flatten());
    }

    /** {@code [time, channels]} for time series, spectrograms ({@code [frames, bins(, 1)]}). */
    private static TensorShape asSeries(TensorShape shape) {
        if (shape.rank() == 2) {
            return shape;
        }
        if (shape.rank() == 3 && shape.dim(2) == 1) {
            return TensorShape.of(shape.dim(0), shape.dim(1));
        }
        return null;
    }

    private static TensorShape asPicture(TensorShape shape) {
        if (shape.rank() == 3) {
            return shape;
        }
        if (shape.rank() == 2) {
            return TensorShape.of(shape.dim(0), shape.dim(1), 1);
        }
        return null;
    }

    private static List<LayerSpec> reshapeTo(TensorShape from, TensorShape to) {
        if (from.equals(to)) {
            return List.of();
        }
        int[] dims = new int[to.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = to.dim(i);
        }
        return List.of(LayerSpec.reshape(dims));
    }
}
