/**
 * Reading sample files: {@link dev.edgeforge.core.format.SampleParsers#parse} is the entry point for uploads,
 * {@link dev.edgeforge.core.format.SampleFormats#detect} tells formats apart, and every failure is a
 * {@link dev.edgeforge.core.format.SampleFormatException} naming the file and the reason.
 *
 * <p>One sub-package per format: {@code ei} (Edge Impulse acquisition JSON/CBOR, HMAC), {@code csv}, {@code wav},
 * {@code image} (PNG/JPEG) and {@code labels} ({@code info.labels}, {@code bounding_boxes.labels}); each has a reader
 * and, where the format can be written, a writer whose output reads back equal. CSV and WAV readers stream a
 * {@link dev.edgeforge.core.format.SampleInput} in passes and hold only the values; the others hold the whole file in
 * memory, bounded by a byte limit; no reader allocates by a length a file declares.
 */
package dev.edgeforge.core.format;
