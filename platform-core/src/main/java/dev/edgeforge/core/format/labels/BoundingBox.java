package dev.edgeforge.core.format.labels;

import java.util.Objects;

/**
 * An object in an image: its label and its box in pixels, the top-left corner at {@code (x, y)}.
 *
 * @param label  the object's class, not blank
 * @param x      left edge (may be negative for a box that starts outside the image)
 * @param y      top edge (likewise)
 * @param width  &gt; 0
 * @param height &gt; 0
 */
public record BoundingBox(String label, int x, int y, int width, int height) {

    public BoundingBox {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("bounding box label is blank");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bounding box '" + label + "' has size " + width + "x" + height);
        }
    }
}
