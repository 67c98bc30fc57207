package dev.edgeforge.core.feature;

import dev.edgeforge.core.dsp.FeatureShape;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a feature set file row by row (format: {@link FeatureSet}). The header, and with it the row count, is
 * written first; {@link #finish()} checks that exactly that many rows were written and then writes the trailer and
 * its checksum. A writer abandoned early leaves a file without a trailer, which every reader refuses, so a failed
 * job never leaves a file that looks complete.
 *
 * <p>Not thread-safe. {@link #close()} finishes (when no error happened) and closes the stream.
 */
public final class FeatureSetWriter implements AutoCloseable {

    private final BinaryOutput out;
    private final FeatureSetHeader header;
    private final Map<String, Integer> labelIndex = new HashMap<>();
    private long written;
    private boolean finished;
    private boolean failed;

    /** Writes the header to {@code out} straight away. */
    public FeatureSetWriter(OutputStream out, FeatureSetHeader header) {
        this.out = new BinaryOutput(Objects.requireNonNull(out, "out"));
        this.header = Objects.requireNonNull(header, "header");
        List<String> labels = header.labels();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        writeHeader();
    }

    public FeatureSetHeader header() {
        return header;
    }

    /** Rows written so far. */
    public long rowsWritten() {
        return written;
    }

    private void writeHeader() {
        out.bytes(FeatureSet.MAGIC);
        out.u16(FeatureSet.FORMAT_VERSION);
        out.u16(0);
        out.i32(header.impulseVersion());
        out.i32(header.featureLength());
        List<FeatureLayout.Block> blocks = header.layout().blocks();
        out.i32(blocks.size());
        for (FeatureLayout.Block b : blocks) {
            out.i32(b.blockId());
            out.string(b.name(), "block name");
            out.string(b.type(), "block type");
            FeatureShape shape = b.shape();
            out.i32(shape.dims().size());
            for (int d : shape.dims()) {
                out.i32(d);
            }
            out.i32(b.offset());
        }
        out.i32(header.labels().size());
        for (String label : header.labels()) {
            out.string(label, "label");
        }
        out.i64(header.rowCount());
    }

    /**
     * Appends one row.
     *
     * @throws FeatureFormatException naming the row when its label is not in the dictionary, its length is wrong,
     *                                a feature is not finite, or the declared row count is already reached
     */
    public void write(FeatureRow row) {
        if (finished) {
            throw new IllegalStateException("the feature set is already finished");
        }
        String at = "row " + written + " (sample '" + row.sampleId() + "', window " + row.windowIndex() + ")";
        if (written >= header.rowCount()) {
            failed = true;
            throw new FeatureFormatException(at + ": the header declares " + header.rowCount() + " rows");
        }
        Integer label = labelIndex.get(row.label());
        if (label == null) {
            throw new FeatureFormatException(
                    at + ": label '" + row.label() + "' is not in the dictionary " + header.labels());
        }
        float[] f = row.features();
        if (f.length != header.featureLength()) {
            throw new FeatureFormatException(
                    at + ": " + f.length + " features, the header says " + header.featureLength());
        }
        for (int i = 0; i < f.length; i++) {
            if (!Float.isFinite(f[i])) {
                throw new FeatureFormatException(at + ": feature " + i + " is " + f[i] + "; features must be finite");
            }
        }
        try {
            out.string(row.sampleId(), "sample id");
            out.i32(row.windowIndex());
            out.f64(row.windowStartMs());
            out.i32(label);
            out.floats(f);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        written++;
    }

    /**
     * Writes the trailer (once); the stream stays open.
     *
     * @throws IllegalStateException when fewer rows were written than the header declares
     */
    public void finish() {
        if (finished) {
            return;
        }
        if (written != header.rowCount()) {
            failed = true;
            throw new IllegalStateException("the header declares " + header.rowCount() + " rows but " + written
                    + " were written; the file is left without its trailer");
        }
        out.trailer(FeatureSet.TRAILER);
        finished = true;
    }

    /** Finishes unless a write failed (then the file stays unreadable on purpose), and closes the stream. */
    @Override
    public void close() {
        try {
            if (!failed) {
                finish();
            }
        } finally {
            out.close();
        }
    }
}
