package dev.edgeforge.training.job;

import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;

/** One run's folder in the object store ({@link ModelArtifactKeys}): writes files and answers their keys. */
final class RunFolder {

    private final ObjectStore store;
    private final String prefix;

    RunFolder(ObjectStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    String put(String name, byte[] bytes) {
        String key = prefix + name;
        store.put(key, bytes);
        return key;
    }

    String putJson(String name, Object value) {
        return put(name, JobJson.writeBytes(value));
    }
}
