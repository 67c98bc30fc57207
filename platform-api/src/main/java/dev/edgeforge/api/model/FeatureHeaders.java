package dev.edgeforge.api.model;

import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.feature.FeatureSetReader;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Reads just the header of a feature set file (labels, row count), which is all the server needs to know of it. */
@Component
class FeatureHeaders {

    private final ObjectStore store;

    FeatureHeaders(ObjectStore store) {
        this.store = store;
    }

    /** @throws FeaturesNotGeneratedViolation when the file is missing or damaged */
    FeatureSetHeader read(String key) {
        try (InputStream in = store.get(key);
                FeatureSetReader reader = new FeatureSetReader(in)) {
            return reader.header();
        } catch (ObjectNotFoundException e) {
            throw new FeaturesNotGeneratedViolation(
                    "The features file " + key + " is missing; generate features " + "again.");
        } catch (FeatureFormatException e) {
            throw new FeaturesNotGeneratedViolation(
                    "The features file " + key + " is damaged (" + e.getMessage() + "); generate features again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
