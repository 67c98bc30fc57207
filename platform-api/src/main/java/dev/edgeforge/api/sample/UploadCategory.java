package dev.edgeforge.api.sample;

import java.util.Locale;

/**
 * The category asked for on upload: one of the {@link SampleCategory}s, or {@code split}, which lets the content
 * decide between training and testing (80/20, the same file always landing on the same side).
 */
public enum UploadCategory {
    TRAINING,
    TESTING,
    ANOMALY,
    SPLIT;

    /** Share of {@code split} uploads that go to training, in percent. */
    static final int TRAINING_PERCENT = 80;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws SampleRequestViolation naming the value and the allowed ones */
    public static UploadCategory fromValue(String value) {
        String v = value == null ? "" : value.trim();
        for (UploadCategory category : values()) {
            if (category.value().equalsIgnoreCase(v)) {
                return category;
            }
        }
        throw new SampleRequestViolation(
                "category", "must be one of training, testing, anomaly, split, got '" + value + "'");
    }

    /** The category of a file with this SHA-256 (lowercase hex). */
    public SampleCategory resolve(String sha256) {
        return switch (this) {
            case TRAINING -> SampleCategory.TRAINING;
            case TESTING -> SampleCategory.TESTING;
            case ANOMALY -> SampleCategory.ANOMALY;
            case SPLIT -> splitByHash(sha256);
        };
    }

    /** Training when the first 32 bits of the hash, modulo 100, fall below 80: uniform and deterministic. */
    static SampleCategory splitByHash(String sha256) {
        long bucket = Long.parseLong(sha256.substring(0, 8), 16) % 100;
        return bucket < TRAINING_PERCENT ? SampleCategory.TRAINING : SampleCategory.TESTING;
    }
}
