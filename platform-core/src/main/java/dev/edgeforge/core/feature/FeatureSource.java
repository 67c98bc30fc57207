package dev.edgeforge.core.feature;

import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.image.ImagePixels;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.sample.SampleData;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link FeatureExtractor} reads from one sample: its {@link SampleData} and, for images, the decoded
 * pixels. An image {@code SampleData} carries only its size and channels (the pixels live in the stored file), so
 * image samples need the pixels beside it; build them with {@link #of(ParsedSample)} from a file parsed with
 * {@code SampleParseOptions.withKeepImagePixels(true)}.
 *
 * @param data    the sample's sensors, interval and values (for images: size and channels only)
 * @param image   the pixels of an image sample, transparency flattened onto white; empty for time series
 * @param decoded the pixels as decoded, with their alpha, when there is alpha: {@link #image(int)} flattens them
 *                onto the impulse's background (issue #20); empty otherwise
 */
public record FeatureSource(SampleData data, Optional<RgbImage> image, Optional<ImagePixels> decoded) {

    public FeatureSource {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(decoded, "decoded");
        if (image.isPresent() && !data.isImage()) {
            throw new FeatureInputViolation("pixels were given for a time-series sample");
        }
    }

    public FeatureSource(SampleData data, Optional<RgbImage> image) {
        this(data, image, Optional.empty());
    }

    /**
     * The image's pixels with transparency flattened onto {@code background} ({@code 0xRRGGBB}); empty for time
     * series.
     */
    public Optional<RgbImage> image(int background) {
        if (background == DEFAULT_BACKGROUND || decoded.isEmpty()) {
            return image;
        }
        return Optional.of(toRgb(decoded.get(), background));
    }

    /** A time series (sensor or audio) sample. */
    public static FeatureSource of(SampleData data) {
        return new FeatureSource(data, Optional.empty());
    }

    /** An image sample with its pixels. */
    public static FeatureSource ofImage(SampleData data, RgbImage pixels) {
        return new FeatureSource(data, Optional.of(pixels));
    }

    /**
     * A parsed upload or stored file. For PNG/JPEG files the decoded pixels are converted to packed RGB (gray is
     * copied to all three channels; transparency is flattened onto white, {@link #toRgb(ImagePixels)}; pixels with
     * alpha are kept too, for {@link #image(int)}).
     *
     * @throws FeatureInputViolation for an image parsed without its pixels
     */
    public static FeatureSource of(ParsedSample parsed) {
        if (!parsed.data().isImage()) {
            return of(parsed.data());
        }
        ImagePixels pixels = parsed.image()
                .flatMap(i -> i.pixels())
                .orElseThrow(() -> new FeatureInputViolation(
                        parsed.fileName() + ": image was parsed without its pixels; parse with keepImagePixels"));
        boolean alpha = pixels.channels() == 2 || pixels.channels() == 4;
        return new FeatureSource(
                parsed.data(), Optional.of(toRgb(pixels)), alpha ? Optional.of(pixels) : Optional.empty());
    }

    /** The background transparent pixels are flattened onto: white, as a viewer shows them on a page. */
    public static final int DEFAULT_BACKGROUND = 0xFFFFFF;

    /** Packs interleaved 8-bit pixels as {@code 0xRRGGBB}, transparency flattened onto white. */
    public static RgbImage toRgb(ImagePixels pixels) {
        return toRgb(pixels, DEFAULT_BACKGROUND);
    }

    /**
     * Packs interleaved 8-bit pixels (gray, gray + alpha, RGB or RGBA) as {@code 0xRRGGBB}; a pixel's alpha blends it
     * over {@code background} (issue #20: a transparent PNG's hidden colour, often black, was learnt as if shown).
     */
    public static RgbImage toRgb(ImagePixels pixels, int background) {
        int w = pixels.width();
        int h = pixels.height();
        int channels = pixels.channels();
        boolean alpha = channels == 2 || channels == 4;
        byte[] bytes = pixels.bytes();
        int[] packed = new int[w * h];
        for (int i = 0; i < packed.length; i++) {
            int o = i * channels;
            int r = bytes[o] & 0xFF;
            int g = channels >= 3 ? bytes[o + 1] & 0xFF : r;
            int b = channels >= 3 ? bytes[o + 2] & 0xFF : r;
            if (alpha) {
                int a = bytes[o + channels - 1] & 0xFF;
                r = blend(r, (background >> 16) & 0xFF, a);
                g = blend(g, (background >> 8) & 0xFF, a);
                b = blend(b, background & 0xFF, a);
            }
            packed[i] = (r << 16) | (g << 8) | b;
        }
        return new RgbImage(w, h, packed);
    }

    /** {@code value} over {@code background} at opacity {@code alpha}/255, rounded. */
    private static int blend(int value, int background, int alpha) {
        return (value * alpha + background * (255 - alpha) + 127) / 255;
    }
}
