package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.SampleFormat;
import java.util.Locale;

/** The kind of file a sample's object holds, with what HTTP and file names need to know about it. */
public enum StoredFormat {
    /** Edge Impulse data acquisition format, JSON encoding. */
    JSON("application/json", ".json"),
    /** Edge Impulse data acquisition format, CBOR encoding. */
    CBOR("application/cbor", ".cbor"),
    CSV("text/csv", ".csv"),
    WAV("audio/wav", ".wav"),
    PNG("image/png", ".png"),
    JPEG("image/jpeg", ".jpg");

    private final String contentType;
    private final String extension;

    StoredFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** File name extension with its dot, e.g. {@code .json}. */
    public String extension() {
        return extension;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isImage() {
        return this == PNG || this == JPEG;
    }

    /** @throws IllegalArgumentException for a format that is not a sample (labels files, unknown) */
    public static StoredFormat of(SampleFormat format) {
        return switch (format) {
            case JSON_EI -> JSON;
            case CBOR_EI -> CBOR;
            case CSV -> CSV;
            case WAV -> WAV;
            case PNG -> PNG;
            case JPEG -> JPEG;
            case LABELS, UNKNOWN -> throw new IllegalArgumentException(format + " is not a sample format");
        };
    }
}
