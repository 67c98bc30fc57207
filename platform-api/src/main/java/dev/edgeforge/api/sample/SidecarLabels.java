package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.format.labels.BoundingBoxLabels;
import dev.edgeforge.core.format.labels.InfoLabels;
import dev.edgeforge.core.format.labels.InfoLabelsEntry;
import dev.edgeforge.core.format.labels.LabelRange;
import dev.edgeforge.core.format.labels.LabelsFile;
import dev.edgeforge.core.format.labels.SampleLabel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The labels sidecars of one upload ({@code info.labels}, {@code bounding_boxes.labels}), looked up by the files
 * they describe. Paths in a sidecar are relative to the sidecar's own folder; a file is found by that path, or by
 * its base name when exactly one listed file has it (browsers and {@code curl -F} send base names only).
 */
final class SidecarLabels {

    /** What a sidecar says about one file; empty fields leave the upload's own choice (enabled: yes). */
    record FileLabels(
            Optional<String> name,
            Optional<UploadCategory> category,
            Optional<LabelChoice> label,
            Map<String, String> metadata,
            List<BoundingBox> boxes,
            Optional<Boolean> enabled) {}

    private final Map<String, FileLabels> byPath = new HashMap<>();
    private final Map<String, List<String>> pathsByBaseName = new HashMap<>();

    boolean isEmpty() {
        return byPath.isEmpty();
    }

    void add(String sidecarPath, LabelsFile file) {
        String folder = folderOf(sidecarPath);
        if (file instanceof InfoLabels info) {
            for (InfoLabelsEntry entry : info.files()) {
                put(
                        folder + entry.path(),
                        new FileLabels(
                                entry.name(),
                                Optional.of(UploadCategory.fromValue(entry.category())),
                                entry.label().map(SidecarLabels::choice),
                                entry.metadata(),
                                entry.boundingBoxes(),
                                entry.enabled()));
            }
        } else if (file instanceof BoundingBoxLabels boxes) {
            boxes.boundingBoxes().forEach((path, list) -> {
                String full = folder + path;
                FileLabels previous = byPath.get(full);
                put(
                        full,
                        previous == null
                                ? new FileLabels(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Map.of(),
                                        list,
                                        Optional.empty())
                                : new FileLabels(
                                        previous.name(),
                                        previous.category(),
                                        previous.label(),
                                        previous.metadata(),
                                        list,
                                        previous.enabled()));
            });
        }
    }

    Optional<FileLabels> find(String fileName) {
        String normalized = normalize(fileName);
        FileLabels exact = byPath.get(normalized);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<String> candidates = pathsByBaseName.getOrDefault(FileNames.baseName(normalized), List.of());
        return candidates.size() == 1 ? Optional.of(byPath.get(candidates.get(0))) : Optional.empty();
    }

    private void put(String path, FileLabels labels) {
        String normalized = normalize(path);
        if (byPath.put(normalized, labels) == null) {
            pathsByBaseName
                    .computeIfAbsent(FileNames.baseName(normalized), k -> new ArrayList<>())
                    .add(normalized);
        }
    }

    /**
     * A multi-label sample has one label per time range; EdgeForge keeps one label per sample, so such a sample
     * takes its label when every range has the same one and stays unlabeled otherwise.
     */
    private static LabelChoice choice(SampleLabel label) {
        if (label instanceof SampleLabel.Single single) {
            return new LabelChoice.Given(single.label());
        }
        if (label instanceof SampleLabel.Multi multi) {
            Set<String> labels = new LinkedHashSet<>();
            for (LabelRange range : multi.labels()) {
                labels.add(range.label());
            }
            return labels.size() == 1 ? new LabelChoice.Given(labels.iterator().next()) : new LabelChoice.None();
        }
        return new LabelChoice.None();
    }

    private static String folderOf(String path) {
        String normalized = normalize(path);
        int slash = normalized.lastIndexOf('/');
        return slash < 0 ? "" : normalized.substring(0, slash + 1);
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.startsWith("/") ? p.substring(1) : p;
    }
}
