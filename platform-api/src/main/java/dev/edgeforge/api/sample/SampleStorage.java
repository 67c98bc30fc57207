package dev.edgeforge.api.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.edgeforge.infra.storage.ObjectStore;

/**
 * Where sample bytes live and the one way rows come to point at them.
 *
 * <p>Objects are content-addressed: {@code projects/{projectId}/samples/{sha256}}, so equal files share one object.
 * The rule "a row never points at a missing object" is kept by a protocol shared with {@link OrphanSampleSweeper}:
 * a writer stores the object, then, in the transaction that writes the row, takes the object's advisory lock,
 * checks the object is still there (storing it again if the sweeper removed it meanwhile) and writes the row; the
 * sweeper takes the same lock and removes an object only while no row points at it. Deleting a sample removes its
 * row only; its object becomes garbage for the sweeper once the grace period has passed (so a dataset version can
 * still bring the sample back until then).
 */
@Component
public class SampleStorage {

    private final ObjectStore store;
    private final SampleRepository samples;

    SampleStorage(ObjectStore store, SampleRepository samples) {
        this.store = store;
        this.samples = samples;
    }

    /** Key of a project's sample object. */
    public static String objectKey(UUID projectId, String sha256) {
        return "projects/" + projectId + "/samples/" + sha256;
    }

    /** Stores the file under its key unless an object is already there (the same content, by construction). */
    public void storeIfMissing(String objectKey, Path file, long size) {
        if (!store.exists(objectKey)) {
            put(objectKey, file, size);
        }
    }

    /** Stores in-memory bytes under their key unless already there. */
    public void storeIfMissing(String objectKey, byte[] bytes) {
        if (!store.exists(objectKey)) {
            store.put(objectKey, bytes);
        }
    }

    /**
     * Inserts the row of an object stored by {@link #storeIfMissing}. {@code content} re-stores the object should the
     * sweeper have removed it in between (a file, or bytes; one of them non-null).
     *
     * @param refuseDuplicate throw {@link DuplicateSampleViolation} when the project already has a row with this
     *                        content; checked under the lock, so two concurrent uploads cannot both pass
     */
    @Transactional
    public void insert(SampleRow row, Path file, byte[] bytes, boolean refuseDuplicate) {
        samples.lockObject(row.objectKey());
        if (refuseDuplicate) {
            samples.findBySha(row.projectId(), row.sha256()).ifPresent(existing -> {
                throw new DuplicateSampleViolation("A sample with the same content already exists in this project ('"
                        + existing.name() + "', id " + existing.id() + "); duplicates were refused.");
            });
        }
        ensureStored(row.objectKey(), file, bytes);
        samples.insert(row);
    }

    /** Within a transaction that will write a row pointing at {@code objectKey}: locks it and makes sure it exists. */
    public void lockAndEnsure(String objectKey, Path file, byte[] bytes) {
        samples.lockObject(objectKey);
        ensureStored(objectKey, file, bytes);
    }

    /** Within a transaction: locks the key and tells whether the object is there (dataset restore). */
    public boolean lockAndCheck(String objectKey) {
        samples.lockObject(objectKey);
        return store.exists(objectKey);
    }

    private void ensureStored(String objectKey, Path file, byte[] bytes) {
        if (store.exists(objectKey)) {
            return;
        }
        if (file != null) {
            try {
                put(objectKey, file, Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            store.put(objectKey, bytes);
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

    private void put(String objectKey, Path file, long size) {
        try (InputStream in = Files.newInputStream(file)) {
            store.put(objectKey, in, size);
        } catch (IOException e) {
            throw new UncheckedIOException("reading spooled upload " + file, e);
        }
    }
}
