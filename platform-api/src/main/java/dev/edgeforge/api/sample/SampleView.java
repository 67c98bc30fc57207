package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.Sensor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sample as the API shows it.
 *
 * @param format     {@code json}, {@code cbor}, {@code csv}, {@code wav}, {@code png} or {@code jpeg}
 * @param length     values per axis (0 for an image)
 * @param image      width, height and channels of an image, null for a time series
 * @param signature  for Edge Impulse messages: {@code verified} (HS256, confirmed by an HMAC key of the project),
 *                   {@code unverified} (HS256, but the project had no key to check it with), {@code invalid} (HS256,
 *                   disproved by the project's keys) or {@code unsigned} (alg none); null for other formats
 * @param content    {@code uploaded}: the stored file is the one uploaded (exported byte for byte, signature
 *                   included); {@code edited}: EdgeForge rewrote it after a crop or split
 */
public record SampleView(
        UUID id,
        String name,
        String label,
        SampleCategory category,
        String format,
        String sha256,
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
        String signature,
        String content,
        boolean audio,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public static SampleView of(SampleRow row) {
        String signature = row.signature().map(SampleSignature::value).orElse(null);
        return new SampleView(
                row.id(),
                row.name(),
                row.label(),
                row.category(),
                row.format().value(),
                row.sha256(),
                row.sizeBytes(),
                row.sensors(),
                row.intervalMs(),
                row.frequencyHz(),
                row.length(),
                row.durationMs(),
                row.deviceName(),
                row.deviceType(),
                row.metadata(),
                row.image(),
                row.boundingBoxes(),
                signature,
                row.contentOrigin().value(),
                row.isAudio(),
                row.enabled(),
                row.createdAt(),
                row.updatedAt());
    }
}
