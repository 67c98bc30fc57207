/**
 * Edge Impulse's labels sidecars for bulk uploads and exports: {@code info.labels} (label, category, metadata and
 * boxes per file) and {@code bounding_boxes.labels} (boxes per image file), read and written by
 * {@link dev.edgeforge.core.format.labels.LabelsFiles}.
 */
package dev.edgeforge.core.format.labels;
