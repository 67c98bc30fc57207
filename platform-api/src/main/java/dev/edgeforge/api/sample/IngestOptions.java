package dev.edgeforge.api.sample;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upload asks for, applying to every file of it (a labels sidecar in the batch can override the label,
 * category, name and metadata of the files it lists).
 *
 * @param category           training, testing, anomaly, or split (decided by content hash)
 * @param label              a given label, none, or inferred from each file name
 * @param disallowDuplicates refuse files whose content the project already has
 * @param addDateId          append a unique id to each sample name ({@code x-add-date-id})
 * @param metadata           key/values stored with every sample ({@code x-metadata})
 * @param csvIntervalMs      interval of CSV files without a timestamp column
 */
public record IngestOptions(
        UploadCategory category,
        LabelChoice label,
        boolean disallowDuplicates,
        boolean addDateId,
        Map<String, String> metadata,
        Optional<Double> csvIntervalMs) {

    public IngestOptions {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(label, "label");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(csvIntervalMs, "csvIntervalMs");
    }
}
