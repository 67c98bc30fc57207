package dev.edgeforge.jobs.feature;

import java.util.Objects;

/**
 * One sample a feature job reads, as the server lists it at enqueue time.
 *
 * @param id        the sample's id
 * @param label     its label (empty when unlabelled)
 * @param category  {@code training} or {@code testing}
 * @param objectKey where its bytes are in the object store
 * @param sha256    SHA-256 of those bytes, 64 hex digits: the sample's part of the feature cache key
 * @param fileName  its file name, which tells the parser the format when the content does not
 */
public record FeatureJobSample(
        String id, String label, String category, String objectKey, String sha256, String fileName) {

    public FeatureJobSample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(sha256, "sha256");
        label = label == null ? "" : label;
        category = category == null ? "" : category;
        fileName = fileName == null ? "" : fileName;
    }
}
