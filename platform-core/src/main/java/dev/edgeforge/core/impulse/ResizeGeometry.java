package dev.edgeforge.core.impulse;

/**
 * Where each output pixel samples the source: output pixel {@code (x, y)} inside the content rectangle
 * {@code [contentX0, contentX1) × [contentY0, contentY1)} reads the source at
 * {@code sx = (x + 0.5)·scaleX − 0.5 + offsetX}, {@code sy = (y + 0.5)·scaleY − 0.5 + offsetY} (pixel centres,
 * clamped to the image); pixels outside the rectangle are padding (black). Computed once in Java and emitted as
 * constants for the C twin.
 *
 * @param scaleX    source pixels per output pixel horizontally
 * @param scaleY    source pixels per output pixel vertically
 * @param offsetX   horizontal source offset (crop or letterbox shift)
 * @param offsetY   vertical source offset
 * @param contentX0 first output column with image content
 * @param contentY0 first output row with image content
 * @param contentX1 one past the last content column
 * @param contentY1 one past the last content row
 */
public record ResizeGeometry(
        double scaleX,
        double scaleY,
        double offsetX,
        double offsetY,
        int contentX0,
        int contentY0,
        int contentX1,
        int contentY1) {}
