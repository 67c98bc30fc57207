package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.Sensor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the {@code sample} table: the metadata of a sample whose bytes are the object {@link #objectKey()}.
 *
 * @param label           null when unlabeled
 * @param length          values per axis (0 for an image)
 * @param image           size and channels of an image sample, null otherwise
 * @param signatureStatus for Edge Impulse messages the stored {@link SampleSignature} ({@code VERIFIED},
 *                        {@code NOT_VERIFIED}, {@code INVALID}, {@code NOT_SIGNED}), null for other formats
 * @param contentOrigin   whether the object is the file as uploaded or content EdgeForge wrote (crop, split)
 */
public record SampleRow(
        UUID id,
        UUID projectId,
        String name,
        String label,
        SampleCategory category,
        StoredFormat format,
        String sha256,
        String objectKey,
        long sizeBytes,
        List<Sensor> sensors,
        double intervalMs,
        double frequencyHz,
        int length,
        double durationMs,
        String deviceName,
        String deviceType,
        Map<String, String> metadata,
        ImageInfo image,
        List<BoundingBox> boundingBoxes,
        String signatureStatus,
        ContentOrigin contentOrigin,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public SampleRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(objectKey, "objectKey");
        sensors = List.copyOf(sensors);
        metadata = Map.copyOf(metadata);
        boundingBoxes = List.copyOf(boundingBoxes);
        SampleSignature.ofStored(signatureStatus); // rejects a value that is none of the statuses
        Objects.requireNonNull(contentOrigin, "contentOrigin");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** This sample with what a user may edit replaced (name, label, category, enabled) and updated at {@code now}. */
    public SampleRow edited(String name, String label, SampleCategory category, boolean enabled, Instant now) {
        return new SampleRow(
                id,
                projectId,
                name,
                label,
                category,
                format,
                sha256,
                objectKey,
                sizeBytes,
                sensors,
                intervalMs,
                frequencyHz,
                length,
                durationMs,
                deviceName,
                deviceType,
                metadata,
                image,
                boundingBoxes,
                signatureStatus,
                contentOrigin,
                enabled,
                createdAt,
                now);
    }

    /** This sample unchanged but updated at {@code now}. */
    public SampleRow touched(Instant now) {
        return edited(name, label, category, enabled, now);
    }

    /** The signature status; empty for formats without signatures. */
    public Optional<SampleSignature> signature() {
        return SampleSignature.ofStored(signatureStatus);
    }

    /** Whether the bytes are audio the browser can play: a WAV file, or a time series of {@code wav} units. */
    public boolean isAudio() {
        return format == StoredFormat.WAV
                || (!sensors.isEmpty() && sensors.stream().allMatch(s -> "wav".equalsIgnoreCase(s.units())));
    }
}
