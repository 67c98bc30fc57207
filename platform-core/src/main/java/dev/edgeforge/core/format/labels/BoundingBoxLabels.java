package dev.edgeforge.core.format.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edge Impulse's {@code bounding_boxes.labels}:
 * {@code {"version": 1, "type": "bounding-box-labels", "boundingBoxes": {fileName: [{label, x, y, width, height}]}}}.
 *
 * @param boundingBoxes the boxes of each image file, by file name, in the file's order
 */
public record BoundingBoxLabels(Map<String, List<BoundingBox>> boundingBoxes) implements LabelsFile {

    public BoundingBoxLabels {
        Map<String, List<BoundingBox>> copy = new LinkedHashMap<>();
        boundingBoxes.forEach((file, boxes) -> copy.put(file, List.copyOf(new ArrayList<>(boxes))));
        boundingBoxes = Collections.unmodifiableMap(copy);
    }
}
