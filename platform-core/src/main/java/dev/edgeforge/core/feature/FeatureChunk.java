package dev.edgeforge.core.feature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The features of one sample under one DSP configuration: what the feature generation job stores per sample under
 * {@code projects/{p}/features/{impulseVersion}/{cacheKey}} and skips when the key already exists. A chunk holds no
 * sample id and no label: samples with identical content share it, and relabelling a sample does not invalidate it;
 * {@link #rows} attaches both when a feature set is assembled.
 *
 * <h2>File format, version 1</h2>
 * Little-endian throughout.
 * <pre>
 * header  magic "EFFC" (4 bytes) · format version uint16 = 1 · flags uint16 = 0 · cache key (32 bytes)
 *         feature length L int32 (1..{@value FeatureSet#MAX_FEATURE_LENGTH}) · window count int32 (&ge; 0)
 * windows per window: window index int32 (&ge; 0, increasing) · window start ms float64 (finite, &ge; 0)
 *         · L × float32 features (finite)
 * trailer magic "EFCE" · CRC-32C (Castagnoli) of every byte before the trailer, uint32
 * </pre>
 * Nothing may follow the trailer.
 *
 * @param key           the cache key of the sample's content under the configuration
 * @param featureLength features per window
 * @param windows       the windows' features in window order (may be empty: a sample shorter than one window
 *                      without zero padding)
 */
public record FeatureChunk(FeatureCacheKey key, int featureLength, List<WindowFeatures> windows) {

    static final byte[] MAGIC = "EFFC".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TRAILER = "EFCE".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;

    public FeatureChunk {
        Objects.requireNonNull(key, "key");
        windows = List.copyOf(windows);
        if (featureLength < 1 || featureLength > FeatureSet.MAX_FEATURE_LENGTH) {
            throw new IllegalArgumentException(
                    "feature length " + featureLength + " is not between 1 and " + FeatureSet.MAX_FEATURE_LENGTH);
        }
        int previous = -1;
        for (WindowFeatures w : windows) {
            if (w.features().length != featureLength) {
                throw new IllegalArgumentException("window " + w.windowIndex() + " has " + w.features().length
                        + " features, the chunk says " + featureLength);
            }
            if (w.windowIndex() <= previous) {
                throw new IllegalArgumentException(
                        "window indexes must increase, got " + w.windowIndex() + " after " + previous);
            }
            previous = w.windowIndex();
        }
    }

    /** The rows of this chunk for a sample with this id and label. */
    public List<FeatureRow> rows(String sampleId, String label) {
        List<FeatureRow> rows = new ArrayList<>(windows.size());
        for (WindowFeatures w : windows) {
            rows.add(w.toRow(sampleId, label));
        }
        return rows;
    }

    /**
     * Writes this chunk to {@code out} (not closed).
     *
     * @throws FeatureFormatException when a feature is not finite
     */
    public void write(OutputStream out) {
        BinaryOutput o = new BinaryOutput(out);
        o.bytes(MAGIC);
        o.u16(FORMAT_VERSION);
        o.u16(0);
        o.bytes(key.bytes());
        o.i32(featureLength);
        o.i32(windows.size());
        for (WindowFeatures w : windows) {
            float[] f = w.features();
            for (int i = 0; i < f.length; i++) {
                if (!Float.isFinite(f[i])) {
                    throw new FeatureFormatException("window " + w.windowIndex() + ": feature " + i + " is " + f[i]
                            + "; features must be finite");
                }
            }
            o.i32(w.windowIndex());
            o.f64(w.windowStartMs());
            o.floats(f);
        }
        o.trailer(TRAILER);
    }

    /** This chunk as file bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /**
     * Reads a chunk file from {@code stream} (not closed), checking every field and the checksum.
     *
     * @throws FeatureFormatException naming the offset and field when the file is damaged
     */
    public static FeatureChunk read(InputStream stream) {
        BinaryInput in = new BinaryInput(stream, "feature chunk");
        in.magic(MAGIC, "magic");
        long at = in.position();
        int version = in.u16("format version");
        if (version != FORMAT_VERSION) {
            throw in.errorAt(
                    at, "format version " + version + " is not supported (this reader knows " + FORMAT_VERSION + ")");
        }
        at = in.position();
        int flags = in.u16("flags");
        if (flags != 0) {
            throw in.errorAt(at, "flags " + flags + " are not defined in format version " + version);
        }
        FeatureCacheKey key = FeatureCacheKey.ofBytes(in.bytes(32, "cache key"));
        at = in.position();
        int featureLength = in.i32("feature length");
        if (featureLength < 1 || featureLength > FeatureSet.MAX_FEATURE_LENGTH) {
            throw in.errorAt(
                    at, "feature length " + featureLength + " is not between 1 and " + FeatureSet.MAX_FEATURE_LENGTH);
        }
        at = in.position();
        int count = in.i32("window count");
        if (count < 0) {
            throw in.errorAt(at, "window count " + count + " is negative");
        }
        List<WindowFeatures> windows = new ArrayList<>(Math.min(count, 1024));
        int previous = -1;
        for (int i = 0; i < count; i++) {
            String w = "window " + i;
            at = in.position();
            int index = in.i32(w + " index");
            if (index <= previous) {
                throw in.errorAt(at, w + " index " + index + " does not follow " + previous);
            }
            previous = index;
            at = in.position();
            double startMs = in.f64(w + " start");
            if (!Double.isFinite(startMs) || startMs < 0) {
                throw in.errorAt(at, w + " start " + startMs + " ms is not a finite time >= 0");
            }
            windows.add(new WindowFeatures(index, startMs, in.floats(featureLength, w + " features")));
        }
        in.trailer(TRAILER);
        return new FeatureChunk(key, featureLength, windows);
    }

    /** Reads a chunk file held in memory. */
    public static FeatureChunk fromBytes(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }
}
