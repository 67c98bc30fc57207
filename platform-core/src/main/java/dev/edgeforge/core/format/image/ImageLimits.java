package dev.edgeforge.core.format.image;

/**
 * Size limits checked against an image's header before anything is decoded, so that a small file declaring a huge
 * image (a decompression bomb) is refused without allocating it.
 *
 * @param maxPixels width times height at most this
 * @param maxSide   width and height each at most this
 */
public record ImageLimits(long maxPixels, int maxSide) {

    /** 25 megapixels (about 100 MB decoded as RGBA), sides up to 20,000 pixels. */
    public static final ImageLimits DEFAULT = new ImageLimits(25_000_000L, 20_000);

    public ImageLimits {
        if (maxPixels < 1 || maxSide < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }
}
