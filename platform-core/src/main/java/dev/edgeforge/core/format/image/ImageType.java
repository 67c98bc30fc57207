package dev.edgeforge.core.format.image;

/** The image file types EdgeForge reads. */
public enum ImageType {
    PNG,
    JPEG,
    /** Windows bitmap, read by the JDK's ImageIO. */
    BMP,
    /** GIF, the first frame, read by the JDK's ImageIO. */
    GIF,
    /** WebP (lossy, lossless, with alpha; the first frame), read by TwelveMonkeys' ImageIO plugin. */
    WEBP
}
