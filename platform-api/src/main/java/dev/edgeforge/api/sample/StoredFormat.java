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
    JPEG("image/jpeg", ".jpg"),
    BMP("image/bmp", ".bmp"),
    /** A GIF; its first frame is the sample. */
    GIF("image/gif", ".gif"),
    WEBP("image/webp", ".webp");

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
        return this == PNG || this == JPEG || this == BMP || this == GIF || this == WEBP;
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
            case BMP -> BMP;
            case GIF -> GIF;
            case WEBP -> WEBP;
            case LABELS, UNKNOWN -> throw new IllegalArgumentException(format + " is not a sample format");
        };
    }
}
