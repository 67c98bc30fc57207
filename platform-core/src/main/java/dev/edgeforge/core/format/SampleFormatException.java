package dev.edgeforge.core.format;

import java.util.Objects;
import java.util.Optional;

/**
 * A file could not be read as a sample. The message names the file (once known) and the reason, e.g.
 * {@code "walk.csv: row 17: 3 values, header has 4"}; {@link #reason()} says what kind of failure it is, so that
 * the REST layer can answer 400 for a malformed file or a wrong signature and 413 for one that is too large.
 *
 * <p>The parsers of the sub-packages throw it without a file name; {@link SampleParsers} adds the name with
 * {@link #forFile(String)}.
 */
public class SampleFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Reason {
        /** The bytes are not a valid file of the format (syntax, structure, values, truncation). */
        MALFORMED,
        /** A valid file of a kind or variant that is not supported, or a format that was not recognised. */
        UNSUPPORTED,
        /** An Edge Impulse message whose HMAC signature is malformed or does not match the key. */
        INVALID_SIGNATURE,
        /** The file is larger than the configured limit (bytes, pixels). */
        TOO_LARGE
    }

    private final Reason reason;
    private final String fileName;
    private final String detail;

    public SampleFormatException(Reason reason, String detail) {
        this(reason, null, detail, null);
    }

    public SampleFormatException(Reason reason, String detail, Throwable cause) {
        this(reason, null, detail, cause);
    }

    private SampleFormatException(Reason reason, String fileName, String detail, Throwable cause) {
        super(fileName == null ? detail : fileName + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fileName = fileName;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** A {@link Reason#MALFORMED} failure. */
    public static SampleFormatException malformed(String detail) {
        return new SampleFormatException(Reason.MALFORMED, detail);
    }

    /** A {@link Reason#MALFORMED} failure caused by a lower-level exception. */
    public static SampleFormatException malformed(String detail, Throwable cause) {
        return new SampleFormatException(Reason.MALFORMED, detail, cause);
    }

    /** The same failure, naming the file. */
    public SampleFormatException forFile(String name) {
        SampleFormatException named = new SampleFormatException(reason, name, detail, getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    public Reason reason() {
        return reason;
    }

    /** The file's name, when known. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** The reason without the file name, e.g. {@code "row 17: 3 values, header has 4"}. */
    public String detail() {
        return detail;
    }
}
