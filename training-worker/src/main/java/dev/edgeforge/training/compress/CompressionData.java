package dev.edgeforge.training.compress;

import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.training.compression.LabelledSamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows a compress job works on, read from the feature set files and labelled with the model's class ids (its
 * output order, which need not be the feature file's label order). Problems retrying cannot fix fail the job at
 * once with a message saying what to do.
 */
final class CompressionData {

    private final ObjectStore store;

    CompressionData(ObjectStore store) {
        this.store = store;
    }

    /**
     * The training windows; every label must be one of the model's classes (features regenerated with other labels
     * since training cannot fine-tune this model).
     */
    LabelledSamples training(String key, TensorShape shape, FeatureKind kind, List<String> classes) {
        FeatureSet set = load(key, "training", shape);
        Map<String, Integer> ids = ids(classes);
        List<FeatureRow> rows = set.rows();
        float[][] features = new float[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Integer id = ids.get(rows.get(i).label());
            if (id == null) {
                throw new NonRetryableJobException("The training features have windows labelled '"
                        + rows.get(i).label() + "', a class the model was not trained on (its classes are " + classes
                        + "); the data changed since training: train the model again, then compress it.");
            }
            features[i] = rows.get(i).features();
            labels[i] = id;
        }
        if (features.length == 0) {
            throw new NonRetryableJobException("The training features (" + key + ") have no windows.");
        }
        return new LabelledSamples(features, shape, kind, labels, classes);
    }

    /** The test windows of the model's classes; windows of other labels are left out (and counted). */
    TestSet testing(String key, TensorShape shape, List<String> classes) {
        FeatureSet set = load(key, "test", shape);
        Map<String, Integer> ids = ids(classes);
        List<float[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int skipped = 0;
        for (FeatureRow row : set.rows()) {
            Integer id = ids.get(row.label());
            if (id == null) {
                skipped++;
            } else {
                features.add(row.features());
                labels.add(id);
            }
        }
        return new TestSet(
                features.toArray(float[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                skipped);
    }

    /**
     * Test windows with class ids.
     *
     * @param skipped windows whose label is none of the model's classes
     */
    record TestSet(float[][] features, int[] labels, int skipped) {
        boolean isEmpty() {
            return features.length == 0;
        }
    }

    private FeatureSet load(String key, String what, TensorShape shape) {
        FeatureSet set;
        try (InputStream in = store.get(key)) {
            set = FeatureSet.read(in);
        } catch (ObjectNotFoundException e) {
            throw new NonRetryableJobException(
                    "The " + what + " features (" + key + ") are missing from the object "
                            + "store; generate features and train the model again.",
                    e);
        } catch (FeatureFormatException e) {
            throw new NonRetryableJobException(
                    "The " + what + " features (" + key + ") cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
        if (set.header().featureLength() != shape.elementCount()) {
            throw new NonRetryableJobException(
                    "The " + what + " features have " + set.header().featureLength()
                            + " values per window, but the model takes " + shape + " (" + shape.elementCount()
                            + " values); the features changed since training: train the model again.");
        }
        return set;
    }

    private static Map<String, Integer> ids(List<String> classes) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            ids.put(classes.get(i), i);
        }
        return ids;
    }
}
