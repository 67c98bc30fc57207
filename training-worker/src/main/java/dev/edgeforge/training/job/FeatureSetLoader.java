package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the feature set files a job names, turning what retrying cannot fix into a readable, final failure. */
final class FeatureSetLoader {

    private final ObjectStore store;

    FeatureSetLoader(ObjectStore store) {
        this.store = store;
    }

    /**
     * @param what         "training" or "test", for messages
     * @param featureShape the shape every row must have, or {@code null} not to check
     */
    FeatureSet load(String key, String what, TensorShape featureShape) {
        FeatureSet set;
        try (InputStream in = store.get(key)) {
            set = FeatureSet.read(in);
        } catch (ObjectNotFoundException e) {
            throw new NonRetryableJobException(
                    "The " + what + " features (" + key + ") are missing from the object "
                            + "store; generate features again and restart training.",
                    e);
        } catch (FeatureFormatException e) {
            throw new NonRetryableJobException(
                    "The " + what + " features (" + key + ") cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
        if (featureShape != null && set.header().featureLength() != featureShape.elementCount()) {
            throw new NonRetryableJobException(
                    "The " + what + " features have " + set.header().featureLength()
                            + " values per window, but the feature shape " + featureShape + " needs "
                            + featureShape.elementCount() + "; generate features again.");
        }
        return set;
    }
}
