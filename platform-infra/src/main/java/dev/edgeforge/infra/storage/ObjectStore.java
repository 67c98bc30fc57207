package dev.edgeforge.infra.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Bytes by key: raw samples, features, models, firmware. PostgreSQL holds the metadata that points here.
 *
 * <p>Keys are relative, slash-separated paths such as {@code projects/{uuid}/samples/{sha256}}; see
 * {@link ObjectKeys} for the rules every implementation enforces identically (a key rejected by one store is
 * rejected by all).
 *
 * <p>Guarantees every implementation gives:
 * <ul>
 *   <li>A write is atomic: a reader sees the previous object or the complete new one, never a partial one.
 *       A write that fails (stream error, length mismatch) leaves the previous object (or no object) in place.</li>
 *   <li>Overwriting a key replaces the object; the last completed write wins.</li>
 *   <li>{@link #list(String)} is lazy: it pages through the store while the stream is consumed, so prefixes
 *       holding hundreds of thousands of keys are fine. The order of the listed objects is unspecified.</li>
 * </ul>
 *
 * <p>Failures of the underlying storage surface as {@link ObjectStoreException} (unchecked); a missing key as
 * {@link ObjectNotFoundException}; a malformed key as {@link ObjectKeyViolation}; a stream whose length differs
 * from the declared one as {@link ObjectLengthViolation}. Implementations are safe for concurrent use.
 */
public interface ObjectStore extends AutoCloseable {

    /** Pass as the length to {@link #put(String, InputStream, long)} when the size is not known up front. */
    long UNKNOWN_LENGTH = -1;

    /**
     * Stores the stream's bytes under {@code key}, replacing any existing object.
     *
     * @param key     object key, validated by {@link ObjectKeys#requireValidKey(String)}
     * @param content read to its end (or to {@code length} bytes); not closed by this method
     * @param length  exact number of bytes the stream holds, or {@link #UNKNOWN_LENGTH}; when given, a stream
     *                that is shorter or longer fails the write and nothing is stored
     * @return the number of bytes stored
     */
    long put(String key, InputStream content, long length);

    /** Stores a small object held in memory. */
    default long put(String key, byte[] content) {
        return put(key, new ByteArrayInputStream(content), content.length);
    }

    /**
     * Opens the object for reading. The caller must close the stream (it may hold a network connection).
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    InputStream get(String key);

    /** Whether an object with exactly this key exists. */
    boolean exists(String key);

    /**
     * Size and modification time of the object.
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    ObjectInfo stat(String key);

    /** Deletes the object; deleting a key that does not exist is not an error (deletes are idempotent). */
    void delete(String key);

    /**
     * Every object whose key starts with {@code prefix} (a plain string prefix, as in S3: {@code "projects/a/sa"}
     * matches {@code projects/a/samples/x}). The empty prefix lists the whole store.
     *
     * <p>The stream is lazy and holds resources: close it (try-with-resources).
     */
    Stream<ObjectInfo> list(String prefix);

    /** Releases connections the store holds; the filesystem store holds none. */
    @Override
    default void close() {}
}
