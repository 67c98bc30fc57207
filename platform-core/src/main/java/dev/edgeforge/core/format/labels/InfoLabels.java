package dev.edgeforge.core.format.labels;

import java.util.List;

/**
 * Edge Impulse's {@code info.labels}: {@code {"version": 1, "files": [...]}}, the label, category, metadata and
 * bounding boxes of each file of a bulk upload or export.
 *
 * @param files one entry per file
 */
public record InfoLabels(List<InfoLabelsEntry> files) implements LabelsFile {

    public InfoLabels {
        files = List.copyOf(files);
    }
}
