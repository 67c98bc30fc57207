package dev.edgeforge.core.feature;

import dev.edgeforge.core.dsp.FeatureShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A feature set held in memory, and the definition of the feature set file: the rows training reads for one impulse
 * version, stored in the object store under {@code projects/{p}/features/{impulseVersion}/...}. Stream large sets
 * with {@link FeatureSetWriter} and {@link FeatureSetReader} instead of holding them.
 *
 * <h2>File format, version 1</h2>
 * Every number is little-endian; a <i>string</i> is a uint16 byte length followed by that many bytes of UTF-8.
 * <pre>
 * header  magic "EFFS" (4 bytes) · format version uint16 = 1 · flags uint16 = 0
 *         impulse version int32 (&ge; 1) · feature length L int32 (1..{@value #MAX_FEATURE_LENGTH})
 *         block count int32 (1..{@value #MAX_BLOCKS}), per block:
 *             block id int32 · name string · type string · dimension count int32 (1..8) · dimensions int32 each
 *             · offset int32 (blocks are contiguous from 0 and end at L)
 *         label count int32 (0..1,000,000) · labels: string each, unique
 *         row count int64 (&ge; 0)
 * rows    per row: sample id string (non-blank) · window index int32 (&ge; 0) · window start ms float64 (finite,
 *         &ge; 0) · label index int32 (into the labels) · L × float32 features (finite)
 * trailer magic "EFFE" · CRC-32C (Castagnoli) of every byte before the trailer, uint32
 * </pre>
 * Nothing may follow the trailer. A reader refuses a file with another magic or version, an out-of-range field, a
 * truncated part, a checksum mismatch or trailing bytes, naming the byte offset.
 *
 * @param header the header (its row count equals {@code rows.size()})
 * @param rows   the rows, in file order
 */
public record FeatureSet(FeatureSetHeader header, List<FeatureRow> rows) {

    static final byte[] MAGIC = "EFFS".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TRAILER = "EFFE".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;

    /** Longest row (16 Mi features, 64 MiB): larger than a 2048×2048 RGB image window. */
    public static final int MAX_FEATURE_LENGTH = 1 << 24;
    /** Most processing blocks a layout may have. */
    public static final int MAX_BLOCKS = 1024;

    private static final int MAX_DIMS = 8;

    public FeatureSet {
        Objects.requireNonNull(header, "header");
        rows = List.copyOf(rows);
        if (rows.size() != header.rowCount()) {
            throw new IllegalArgumentException(
                    "the header declares " + header.rowCount() + " rows, got " + rows.size());
        }
    }

    /**
     * A feature set of these rows, its label dictionary being their labels in sorted order.
     *
     * @throws FeatureFormatException when a row's length is not the layout's
     */
    public static FeatureSet of(int impulseVersion, FeatureLayout layout, List<FeatureRow> rows) {
        TreeSet<String> labels = new TreeSet<>();
        for (FeatureRow row : rows) {
            if (row.features().length != layout.length()) {
                throw new FeatureFormatException("sample '" + row.sampleId() + "' window " + row.windowIndex() + " has "
                        + row.features().length + " features, the layout says " + layout.length());
            }
            labels.add(row.label());
        }
        return new FeatureSet(new FeatureSetHeader(impulseVersion, layout, new ArrayList<>(labels), rows.size()), rows);
    }

    /** Writes this set to {@code out} (not closed). */
    public void write(OutputStream out) {
        FeatureSetWriter writer = new FeatureSetWriter(out, header);
        rows.forEach(writer::write);
        writer.finish();
    }

    /** This set as file bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /**
     * Reads a whole file from {@code in} (not closed).
     *
     * @throws FeatureFormatException naming the offset and field when the file is damaged
     */
    public static FeatureSet read(InputStream in) {
        FeatureSetReader reader = new FeatureSetReader(in);
        return new FeatureSet(reader.header(), reader.readRemaining());
    }

    /** Reads a whole file held in memory. */
    public static FeatureSet fromBytes(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    /** The rows' features, {@code [row][feature]} (the arrays are shared, not copied). */
    public List<float[]> features() {
        return rows.stream().map(FeatureRow::features).toList();
    }

    /** Reads and checks the block layout part of a header. */
    static FeatureLayout readLayout(BinaryInput in, int featureLength) {
        long at = in.position();
        int blockCount = in.i32("block count");
        if (blockCount < 1 || blockCount > MAX_BLOCKS) {
            throw in.errorAt(at, "block count " + blockCount + " is not between 1 and " + MAX_BLOCKS);
        }
        List<FeatureLayout.Block> blocks = new ArrayList<>();
        long next = 0;
        for (int i = 0; i < blockCount; i++) {
            String b = "block " + i;
            int id = in.i32(b + " id");
            String name = in.string(b + " name");
            String type = in.string(b + " type");
            at = in.position();
            int dimCount = in.i32(b + " dimension count");
            if (dimCount < 1 || dimCount > MAX_DIMS) {
                throw in.errorAt(at, b + " dimension count " + dimCount + " is not between 1 and " + MAX_DIMS);
            }
            List<Integer> dims = new ArrayList<>();
            long product = 1;
            for (int d = 0; d < dimCount; d++) {
                at = in.position();
                int dim = in.i32(b + " dimension " + d);
                if (dim < 1 || dim > featureLength) {
                    throw in.errorAt(
                            at,
                            b + " dimension " + d + " is " + dim + ", not between 1 and the feature" + " length "
                                    + featureLength);
                }
                product *= dim;
                if (product > featureLength) {
                    throw in.errorAt(at, b + " has more features than the feature length " + featureLength);
                }
                dims.add(dim);
            }
            at = in.position();
            int offset = in.i32(b + " offset");
            if (offset != next) {
                throw in.errorAt(at, b + " offset " + offset + " is not where the previous blocks end (" + next + ")");
            }
            next += product;
            if (next > featureLength) {
                throw in.errorAt(at, b + " ends at " + next + ", past the feature length " + featureLength);
            }
            blocks.add(new FeatureLayout.Block(id, name, type, new FeatureShape(dims), offset));
        }
        if (next != featureLength) {
            throw in.error("the blocks hold " + next + " features but the feature length is " + featureLength);
        }
        return new FeatureLayout(blocks);
    }
}
