package dev.edgeforge.jobs.feature;

import dev.edgeforge.core.feature.FeatureLayout;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feature set one successful {@code features} job made for an impulse version: which chunk holds each sample's
 * windows, with the label and category the sample had then. Training assembles its rows from this (chunk windows +
 * the entry's sample id and label); the explorer plots them. Stored as JSON at
 * {@link FeatureObjectKeys#manifest}; {@link #FORMAT} changes when the shape does.
 *
 * @param format         {@value #FORMAT}
 * @param projectId      the project
 * @param impulseVersion the impulse version the features belong to
 * @param jobId          the job that wrote it
 * @param createdAt      when it was written (ISO-8601 instant)
 * @param featureLength  features per window
 * @param layout         where each processing block's features sit in a window's features
 * @param windowCount    windows of all samples together
 * @param labels         windows per label, labels sorted
 * @param computed       samples whose chunk this job computed
 * @param reused         samples whose chunk existed already (under this version or copied from an earlier one)
 * @param samples        one entry per sample, in the payload's order
 */
public record FeatureManifest(
        String format,
        UUID projectId,
        int impulseVersion,
        UUID jobId,
        String createdAt,
        int featureLength,
        List<LayoutBlock> layout,
        long windowCount,
        List<LabelCount> labels,
        int computed,
        int reused,
        List<Entry> samples) {

    public static final String FORMAT = "edgeforge-feature-manifest/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FeatureManifest {
        Objects.requireNonNull(format, "format");
        layout = List.copyOf(layout);
        labels = List.copyOf(labels);
        samples = List.copyOf(samples);
    }

    /**
     * One processing block's slice of a window's features ({@link FeatureLayout.Block}).
     *
     * @param blockId the processing block's id
     * @param name    its name
     * @param type    its DSP type
     * @param shape   its output shape
     * @param offset  index of its first feature
     */
    public record LayoutBlock(int blockId, String name, String type, List<Integer> shape, int offset) {

        public static List<LayoutBlock> of(FeatureLayout layout) {
            return layout.blocks().stream()
                    .map(b -> new LayoutBlock(
                            b.blockId(), b.name(), b.type(), b.shape().dims(), b.offset()))
                    .toList();
        }
    }

    /**
     * Windows of one label.
     *
     * @param label   the label (empty for unlabelled samples)
     * @param windows how many windows carry it
     */
    public record LabelCount(String label, long windows) {}

    /**
     * One sample of the feature set.
     *
     * @param sampleId the sample
     * @param label    its label when the job ran
     * @param category {@code training} or {@code testing}
     * @param sha256   its content hash
     * @param cacheKey the cache key of its features
     * @param chunkKey the object key of its chunk
     * @param windows  its number of windows (0: shorter than a window, without zero padding)
     */
    public record Entry(
            String sampleId,
            String label,
            String category,
            String sha256,
            String cacheKey,
            String chunkKey,
            int windows) {}

    /** When it was written. */
    public Instant createdInstant() {
        return Instant.parse(createdAt);
    }

    public byte[] toJsonBytes() {
        return JSON.writeValueAsBytes(this);
    }

    /**
     * Reads a manifest (the stream is not closed).
     *
     * @throws IllegalArgumentException when it is not a manifest of this format
     */
    public static FeatureManifest read(InputStream in) throws IOException {
        FeatureManifest manifest;
        try {
            manifest = JSON.readValue(in, FeatureManifest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a feature manifest: " + e.getOriginalMessage(), e);
        }
        if (manifest == null || !FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException("not a feature manifest of format " + FORMAT
                    + (manifest == null ? "" : ", got " + manifest.format()));
        }
        return manifest;
    }
}
