package dev.edgeforge.core.format;

/** The file formats EdgeForge recognises, as told apart by {@link SampleFormats#detect}. */
public enum SampleFormat {
    /** Edge Impulse data acquisition format, JSON encoding. */
    JSON_EI,
    /** Edge Impulse data acquisition format, CBOR encoding (including the binary-values variant). */
    CBOR_EI,
    /** Comma/semicolon/tab separated values with a header row. */
    CSV,
    /** RIFF/WAVE audio. */
    WAV,
    PNG,
    JPEG,
    BMP,
    /** GIF; the first frame is the sample. */
    GIF,
    WEBP,
    /** An Edge Impulse labels sidecar: {@code info.labels} or {@code bounding_boxes.labels}. */
    LABELS,
    UNKNOWN
}
