package dev.edgeforge.training.augmentation;

import dev.edgeforge.core.learning.ImageAugmentation;
import dev.edgeforge.core.learning.TensorShape;
import java.util.Random;

/**
 * Random crop scaled back to full size (bilinear), small rotation about the centre (bilinear, edges clamp),
 * horizontal flip, brightness offset and contrast scale on a {@code [height, width, channels]} image, in that order.
 * Every random draw comes from the trainer's seeded {@link Random}, so a seed gives the same images.
 */
public final class ImageAugmenter implements Augmenter {

    private final int height;
    private final int width;
    private final int channels;
    private final ImageAugmentation options;
    private final float[] scratch;

    public ImageAugmenter(TensorShape shape, ImageAugmentation options) {
        if (shape.rank() != 3) {
            throw new IllegalArgumentException(
                    "image augmentation needs samples of shape [height, width, channels], got " + shape);
        }
        this.height = shape.dim(0);
        this.width = shape.dim(1);
        this.channels = shape.dim(2);
        this.options = options;
        this.scratch = new float[height * width * channels];
    }

    @Override
    public void augment(float[] values, int offset, Random rng) {
        if (options.maxCropFraction() > 0) {
            double fraction = rng.nextDouble() * options.maxCropFraction();
            int cropHeight = Math.max(1, (int) Math.round(height * (1 - fraction)));
            int cropWidth = Math.max(1, (int) Math.round(width * (1 - fraction)));
            int top = rng.nextInt(height - cropHeight + 1);
            int left = rng.nextInt(width - cropWidth + 1);
            cropAndResize(values, offset, top, left, cropHeight, cropWidth);
        }
        if (options.maxRotationDegrees() > 0) {
            rotate(values, offset, (rng.nextDouble() * 2 - 1) * options.maxRotationDegrees());
        }
        if (options.horizontalFlip() && rng.nextBoolean()) {
            flipHorizontally(values, offset);
        }
        if (options.brightnessDelta() > 0) {
            float delta = (float) ((rng.nextDouble() * 2 - 1) * options.brightnessDelta());
            for (int i = 0; i < scratch.length; i++) {
                values[offset + i] += delta;
            }
        }
        if (options.contrastDelta() > 0) {
            scaleContrast(values, offset, 1 + (rng.nextDouble() * 2 - 1) * options.contrastDelta());
        }
    }

    /** Scales every value's distance from the image's mean by {@code factor}. */
    void scaleContrast(float[] values, int offset, double factor) {
        double sum = 0;
        for (int i = 0; i < scratch.length; i++) {
            sum += values[offset + i];
        }
        double mean = sum / scratch.length;
        for (int i = 0; i < scratch.length; i++) {
            values[offset + i] = (float) (mean + (values[offset + i] - mean) * factor);
        }
    }

    /**
     * Rotates the image by {@code degrees} (counter-clockwise as shown, y down) about its centre: each output pixel
     * samples the input at the inversely rotated position, bilinearly, positions outside clamped to the edge.
     */
    void rotate(float[] values, int offset, double degrees) {
        System.arraycopy(values, offset, scratch, 0, scratch.length);
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double sx = Math.min(Math.max(cx + dx * cos - dy * sin, 0), width - 1);
                double sy = Math.min(Math.max(cy + dx * sin + dy * cos, 0), height - 1);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int x1 = Math.min(x0 + 1, width - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < channels; c++) {
                    double top0 = pixel(y0, x0, c) * (1 - fx) + pixel(y0, x1, c) * fx;
                    double bottom = pixel(y1, x0, c) * (1 - fx) + pixel(y1, x1, c) * fx;
                    values[offset + (y * width + x) * channels + c] = (float) (top0 * (1 - fy) + bottom * fy);
                }
            }
        }
    }

    void flipHorizontally(float[] values, int offset) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width / 2; x++) {
                int a = offset + (y * width + x) * channels;
                int b = offset + (y * width + (width - 1 - x)) * channels;
                for (int c = 0; c < channels; c++) {
                    float t = values[a + c];
                    values[a + c] = values[b + c];
                    values[b + c] = t;
                }
            }
        }
    }

    /**
     * Replaces the image by the window {@code [top, top + cropHeight) x [left, left + cropWidth)} scaled to the full
     * size; pixel centres are aligned (the usual half-pixel convention), edges clamp.
     */
    void cropAndResize(float[] values, int offset, int top, int left, int cropHeight, int cropWidth) {
        System.arraycopy(values, offset, scratch, 0, scratch.length);
        double scaleY = (double) cropHeight / height;
        double scaleX = (double) cropWidth / width;
        for (int y = 0; y < height; y++) {
            double sy = Math.min(Math.max(top + (y + 0.5) * scaleY - 0.5, top), top + cropHeight - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, top + cropHeight - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(Math.max(left + (x + 0.5) * scaleX - 0.5, left), left + cropWidth - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, left + cropWidth - 1);
                double fx = sx - x0;
                for (int c = 0; c < channels; c++) {
                    double top0 = pixel(y0, x0, c) * (1 - fx) + pixel(y0, x1, c) * fx;
                    double bottom = pixel(y1, x0, c) * (1 - fx) + pixel(y1, x1, c) * fx;
                    values[offset + (y * width + x) * channels + c] = (float) (top0 * (1 - fy) + bottom * fy);
                }
            }
        }
    }

    private float pixel(int y, int x, int c) {
        return scratch[(y * width + x) * channels + c];
    }
}
