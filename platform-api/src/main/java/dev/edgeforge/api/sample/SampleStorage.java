package dev.edgeforge.api.sample;

import dev.edgeforge.api.sample.quota.StorageQuotaService;
import dev.edgeforge.api.sample.quota.StorageQuotaViolation;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where sample bytes live and the one way rows come to point at them.
 *
 * <p>Objects are content-addressed: {@code projects/{projectId}/samples/{sha256}}, so equal files share one object.
 * The rule "a row never points at a missing object" is kept by a protocol shared with {@link OrphanSampleSweeper},
 * which removes an object only under the object's advisory lock, after checking that no row points at it. A writer
 * stores the object first ({@link #storeIfMissing}); then, in the transaction that writes the row, it takes the
 * object's lock, checks that the object is still there (the sweeper may have removed an old copy in between) and
 * stores it again if not. Either the sweeper's removal comes before that check, or it comes after the row is
 * committed and sees the row; it cannot come in between. Deleting a sample removes its row only; its object becomes
 * garbage for the sweeper once unreferenced (so a dataset version can still bring the sample back until then).
 */
@Component
public class SampleStorage {

    /** Bytes to store: in memory, or a file of known size. */
    public record Content(Path file, byte[] bytes, long size) {

        public static Content of(byte[] bytes) {
            return new Content(null, bytes, bytes.length);
        }

        public static Content of(Path file, long size) {
            return new Content(file, null, size);
        }

        public InputStream open() {
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("reading spooled upload " + file, e);
            }
        }
    }

    private final ObjectStore store;
    private final SampleRepository samples;
    private final StorageQuotaService quotas;

    SampleStorage(ObjectStore store, SampleRepository samples, StorageQuotaService quotas) {
        this.store = store;
        this.samples = samples;
        this.quotas = quotas;
    }

    /** Key of a project's sample object. */
    public static String objectKey(UUID projectId, String sha256) {
        return "projects/" + projectId + "/samples/" + sha256;
    }

    /** Stores the content under its key unless an object is already there (the same content, by construction). */
    public void storeIfMissing(String objectKey, Content content) {
        if (!store.exists(objectKey)) {
            put(objectKey, content);
        }
    }

    /**
     * Inserts the row of an object stored by {@link #storeIfMissing}; {@code content} stores it again should the
     * sweeper have removed it in between.
     *
     * @param refuseDuplicate throw {@link DuplicateSampleViolation} when the project already has a row with this
     *                        content; checked under the lock, so two concurrent uploads cannot both pass
     * @throws StorageQuotaViolation when new content would take the project past its storage quota (checked under
     *                               the project's quota lock, taken before the object's)
     */
    @Transactional
    public void insert(SampleRow row, Content content, boolean refuseDuplicate) {
        quotas.requireRoomLocked(row.projectId(), Map.of(row.sha256(), row.sizeBytes()));
        samples.lockObject(row.objectKey());
        if (refuseDuplicate) {
            samples.findBySha(row.projectId(), row.sha256()).ifPresent(existing -> {
                throw new DuplicateSampleViolation("A sample with the same content already exists in this project ('"
                        + existing.name() + "', id " + existing.id() + "); duplicates were refused.");
            });
        }
        ensureStored(row.objectKey(), content);
        samples.insert(row);
    }

    /** Within a transaction that will write a row pointing at {@code objectKey}: locks it and makes sure it exists. */
    public void lockAndEnsure(String objectKey, Content content) {
        samples.lockObject(objectKey);
        ensureStored(objectKey, content);
    }

    /** Within a transaction: locks the key and tells whether the object is there (dataset restore). */
    public boolean lockAndCheck(String objectKey) {
        samples.lockObject(objectKey);
        return store.exists(objectKey);
    }

    /** Within a transaction holding the object's lock: stores it again should the sweeper have removed it. */
    void ensureStored(String objectKey, Content content) {
        if (!store.exists(objectKey)) {
            put(objectKey, content);
        }
    }

    /** Opens the bytes of a sample; the caller closes the stream. */
    public InputStream open(SampleRow row) {
        return store.get(row.objectKey());
    }

    /** All bytes of a sample (the parsers need them whole; rows are at most the upload limit). */
    public byte[] read(SampleRow row) {
        try (InputStream in = store.get(row.objectKey())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading sample object " + row.objectKey(), e);
        }
    }

    private void put(String objectKey, Content content) {
        try (InputStream in = content.open()) {
            store.put(objectKey, in, content.size());
        } catch (IOException e) {
            throw new UncheckedIOException("storing " + objectKey, e);
        }
    }
}
