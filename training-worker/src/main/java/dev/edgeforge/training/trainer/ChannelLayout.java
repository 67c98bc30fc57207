package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.edgeforge.core.learning.TensorShape;

/**
 * Conversions between the platform's channels-last layout (TFLite's NHWC, what features and exported weights use)
 * and PyTorch's channels-first layout (NCHW, what DJL's convolutions, pooling and batch norm expect).
 *
 * <p>Inside the DJL network every tensor is channels-first; flatten and reshape go through channels-last so that
 * their element order is the one TFLite uses, which keeps the exported dense weights valid as they are.
 */
final class ChannelLayout {

    private ChannelLayout() {}

    /** Batch shape, channels first, for samples of {@code sample} shape (channels last). */
    static Shape channelsFirst(long batch, TensorShape sample) {
        return switch (sample.rank()) {
            case 1 -> new Shape(batch, sample.dim(0));
            case 2 -> new Shape(batch, sample.dim(1), sample.dim(0));
            case 3 -> new Shape(batch, sample.dim(2), sample.dim(0), sample.dim(1));
            default -> throw new IllegalArgumentException("unsupported rank " + sample.rank());
        };
    }

    /** Batch shape, channels last. */
    static Shape channelsLast(long batch, TensorShape sample) {
        long[] dims = new long[sample.rank() + 1];
        dims[0] = batch;
        for (int i = 0; i < sample.rank(); i++) {
            dims[i + 1] = sample.dim(i);
        }
        return new Shape(dims);
    }

    /** {@code (B, T, C) -> (B, C, T)}, {@code (B, H, W, C) -> (B, C, H, W)}; rank 2 unchanged. */
    static NDArray toChannelsFirst(NDArray x) {
        return switch (x.getShape().dimension()) {
            case 2 -> x;
            case 3 -> x.transpose(0, 2, 1);
            case 4 -> x.transpose(0, 3, 1, 2);
            default -> throw new IllegalArgumentException("unsupported shape " + x.getShape());
        };
    }

    /** {@code (B, C, T) -> (B, T, C)}, {@code (B, C, H, W) -> (B, H, W, C)}; rank 2 unchanged. */
    static NDArray toChannelsLast(NDArray x) {
        return switch (x.getShape().dimension()) {
            case 2 -> x;
            case 3 -> x.transpose(0, 2, 1);
            case 4 -> x.transpose(0, 2, 3, 1);
            default -> throw new IllegalArgumentException("unsupported shape " + x.getShape());
        };
    }
}
