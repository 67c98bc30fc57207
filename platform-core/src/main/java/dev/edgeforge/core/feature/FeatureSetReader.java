package dev.edgeforge.core.feature;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads a feature set file row by row (format: {@link FeatureSet}), checking every field: the header when the reader
 * is built, each row as it is read, and the trailer's checksum and the end of the stream together with the last row
 * (before it is returned). A caller that reads every row therefore knows the whole file was intact; rows handed out
 * earlier have passed every check but the checksum. Any problem is a {@link FeatureFormatException} naming the byte
 * offset and the field.
 *
 * <p>Not thread-safe. {@link #close()} closes the stream.
 */
public final class FeatureSetReader implements Iterator<FeatureRow>, AutoCloseable {

    private final InputStream stream;
    private final BinaryInput in;
    private final FeatureSetHeader header;
    private long read;

    /**
     * Reads and checks the header.
     *
     * @throws FeatureFormatException when the header is truncated or invalid
     */
    public FeatureSetReader(InputStream stream) {
        this.stream = new BufferedInputStream(Objects.requireNonNull(stream, "stream"), 1 << 16);
        this.in = new BinaryInput(this.stream, "feature set");
        this.header = readHeader();
        if (header.rowCount() == 0) {
            in.trailer(FeatureSet.TRAILER);
        }
    }

    public FeatureSetHeader header() {
        return header;
    }

    /** Rows read so far. */
    public long rowsRead() {
        return read;
    }

    private FeatureSetHeader readHeader() {
        in.magic(FeatureSet.MAGIC, "magic");
        long at = in.position();
        int version = in.u16("format version");
        if (version != FeatureSet.FORMAT_VERSION) {
            throw in.errorAt(
                    at,
                    "format version " + version + " is not supported (this reader knows " + FeatureSet.FORMAT_VERSION
                            + ")");
        }
        at = in.position();
        int flags = in.u16("flags");
        if (flags != 0) {
            throw in.errorAt(at, "flags " + flags + " are not defined in format version " + version);
        }
        at = in.position();
        int impulseVersion = in.i32("impulse version");
        if (impulseVersion < 1) {
            throw in.errorAt(at, "impulse version " + impulseVersion + " is not 1 or more");
        }
        at = in.position();
        int featureLength = in.i32("feature length");
        if (featureLength < 1 || featureLength > FeatureSet.MAX_FEATURE_LENGTH) {
            throw in.errorAt(
                    at, "feature length " + featureLength + " is not between 1 and " + FeatureSet.MAX_FEATURE_LENGTH);
        }
        FeatureLayout layout = FeatureSet.readLayout(in, featureLength);
        at = in.position();
        int labelCount = in.i32("label count");
        if (labelCount < 0 || labelCount > FeatureSetHeader.MAX_LABELS) {
            throw in.errorAt(at, "label count " + labelCount + " is not between 0 and " + FeatureSetHeader.MAX_LABELS);
        }
        List<String> labels = new ArrayList<>(Math.min(labelCount, 1024));
        for (int i = 0; i < labelCount; i++) {
            at = in.position();
            String label = in.string("label " + i);
            if (labels.contains(label)) {
                throw in.errorAt(at, "label " + i + " '" + label + "' appears twice in the dictionary");
            }
            labels.add(label);
        }
        at = in.position();
        long rowCount = in.i64("row count");
        if (rowCount < 0) {
            throw in.errorAt(at, "row count " + rowCount + " is negative");
        }
        if (rowCount > 0 && labelCount == 0) {
            throw in.errorAt(at, rowCount + " rows but an empty label dictionary");
        }
        return new FeatureSetHeader(impulseVersion, layout, labels, rowCount);
    }

    @Override
    public boolean hasNext() {
        return read < header.rowCount();
    }

    /**
     * The next row; with the last row, the trailer is checked too.
     *
     * @throws FeatureFormatException when the row (or, for the last row, the trailer) is damaged
     * @throws NoSuchElementException past the last row
     */
    @Override
    public FeatureRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + header.rowCount() + " rows have been read");
        }
        String row = "row " + read;
        long at = in.position();
        String sampleId = in.string(row + " sample id");
        if (sampleId.isBlank()) {
            throw in.errorAt(at, row + " sample id is blank");
        }
        at = in.position();
        int windowIndex = in.i32(row + " window index");
        if (windowIndex < 0) {
            throw in.errorAt(at, row + " window index " + windowIndex + " is negative");
        }
        at = in.position();
        double startMs = in.f64(row + " window start");
        if (!Double.isFinite(startMs) || startMs < 0) {
            throw in.errorAt(at, row + " window start " + startMs + " ms is not a finite time >= 0");
        }
        at = in.position();
        int label = in.i32(row + " label index");
        if (label < 0 || label >= header.labels().size()) {
            throw in.errorAt(
                    at,
                    row + " label index " + label + " is outside the dictionary of "
                            + header.labels().size() + " labels");
        }
        float[] features = in.floats(header.featureLength(), row + " features");
        read++;
        if (read == header.rowCount()) {
            in.trailer(FeatureSet.TRAILER);
        }
        return new FeatureRow(sampleId, windowIndex, startMs, header.labels().get(label), features);
    }

    /** Every remaining row. */
    public List<FeatureRow> readRemaining() {
        long remaining = header.rowCount() - read;
        List<FeatureRow> rows = new ArrayList<>((int) Math.min(remaining, 1 << 16));
        while (hasNext()) {
            rows.add(next());
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
