package dev.edgeforge.api.model;

import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/** Reads a model's files from the object store. A file the row names but the store lacks is a server fault. */
@Component
class ModelFiles {

    private final ObjectStore store;

    ModelFiles(ObjectStore store) {
        this.store = store;
    }

    byte[] bytes(String key) {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new IllegalStateException("the model file " + key + " is missing from the object store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }

    <T> T json(String key, Class<T> type) {
        try {
            return JobJson.mapper().readValue(bytes(key), type);
        } catch (JacksonException e) {
            throw new IllegalStateException("the model file " + key + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
