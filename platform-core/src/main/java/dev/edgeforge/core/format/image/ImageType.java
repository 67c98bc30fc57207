package dev.edgeforge.core.format.image;

/** The image file types EdgeForge reads. */
public enum ImageType {
    PNG,
    JPEG
}
