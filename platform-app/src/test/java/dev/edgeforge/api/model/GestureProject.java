package dev.edgeforge.api.model;

import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.infra.storage.ObjectStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A project's features as the feature job would leave them: synthetic 3-axis gesture recordings, an impulse of 2 s
 * windows every 500 ms with spectral analysis on all axes (33 features per window), training and test feature set
 * files in the object store, registered with the test ports.
 */
final class GestureProject {

    static final Impulse IMPULSE = new Impulse(
            1,
            new TimeSeriesInput(2000, 500, 62.5, true),
            List.of(new ProcessingBlock(
                    1, "Spectral", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults())),
            List.of());
    static final TensorShape SHAPE = TensorShape.of(33);

    final UUID projectId;
    final FeatureSet training;
    final FeatureSet testing;
    final Map<String, SyntheticSample> testSamples = new ConcurrentHashMap<>();

    private GestureProject(UUID projectId, FeatureSet training, FeatureSet testing, List<SyntheticSample> tests) {
        this.projectId = projectId;
        this.training = training;
        this.testing = testing;
        tests.forEach(sample -> testSamples.put(sample.name(), sample));
    }

    /** The classic four gestures: training from 3 persons, test from 2 others. */
    static GestureProject classic(UUID projectId, ObjectStore store, TestModelPorts.Registry registry) {
        return create(projectId, store, registry, GestureDataset.CLASSIC, GestureDataset.CLASSIC, 3, 2);
    }

    /** Training and test gestures chosen freely (an anomaly test set has gestures the training set lacks). */
    static GestureProject create(
            UUID projectId,
            ObjectStore store,
            TestModelPorts.Registry registry,
            Set<Gesture> trainingGestures,
            Set<Gesture> testGestures,
            int trainingPersons,
            int recordings) {
        List<SyntheticSample> trainingSamples = samples(42, trainingPersons, recordings, trainingGestures);
        List<SyntheticSample> testSamples = samples(7, 2, 1, testGestures);
        GestureProject project =
                new GestureProject(projectId, features(trainingSamples), features(testSamples), testSamples);
        project.register(store, registry, project.training, project.testing);
        return project;
    }

    /** Registers other training features (e.g. one with an empty class) instead. */
    void register(ObjectStore store, TestModelPorts.Registry registry, FeatureSet trainingSet, FeatureSet testSet) {
        String folder = "projects/" + projectId + "/features/" + IMPULSE.version() + "/";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        store.put(folder + "training-" + suffix + ".effs", trainingSet.toBytes());
        String testKey = null;
        if (testSet != null) {
            testKey = folder + "testing-" + suffix + ".effs";
            store.put(testKey, testSet.toBytes());
        }
        registry.features.put(
                projectId,
                new LocatedFeatures(
                        IMPULSE.version(),
                        3,
                        folder + "training-" + suffix + ".effs",
                        testKey,
                        FeatureKind.FLAT,
                        SHAPE));
        registry.impulses.put(projectId, Map.of(IMPULSE.version(), IMPULSE));
        Map<String, SampleLookup.StoredSample> stored = new ConcurrentHashMap<>();
        testSamples.forEach((name, sample) -> stored.put(
                name, new SampleLookup.StoredSample(name, name, sample.label(), FeatureSource.of(sample.data()))));
        registry.samples.put(projectId, stored);
    }

    /** The training features with an extra label that no window has. */
    FeatureSet withEmptyClass(String label) {
        List<String> labels = new ArrayList<>(training.header().labels());
        labels.add(label);
        return new FeatureSet(
                new FeatureSetHeader(
                        training.header().impulseVersion(),
                        training.header().layout(),
                        labels,
                        training.rows().size()),
                training.rows());
    }

    /**
     * {@code source} with feature 0 (the RMS of accX) times {@code factor}: a feature in raw units thousands of times
     * wider than the others, as the RMS of 16-bit audio beside log powers (issue #19).
     */
    static FeatureSet withFirstFeatureTimes(FeatureSet source, float factor) {
        List<FeatureRow> rows = new ArrayList<>();
        for (FeatureRow row : source.rows()) {
            float[] features = row.features().clone();
            features[0] *= factor;
            rows.add(new FeatureRow(row.sampleId(), row.windowIndex(), row.windowStartMs(), row.label(), features));
        }
        return new FeatureSet(source.header(), rows);
    }

    static List<SyntheticSample> samples(long seed, int persons, int recordings, Set<Gesture> gestures) {
        return GestureDataset.builder()
                .optSeed(seed)
                .optPersons(persons)
                .optRecordingsPerGesture(recordings)
                .optLengthSeconds(6)
                .optGestures(gestures)
                .build()
                .generate();
    }

    static FeatureSet features(List<SyntheticSample> samples) {
        FeatureExtractor extractor = new FeatureExtractor(IMPULSE);
        List<FeatureRow> rows = new ArrayList<>();
        for (SyntheticSample sample : samples) {
            rows.addAll(extractor.extract(sample.name(), sample.label(), sample.data()));
        }
        return FeatureSet.of(IMPULSE.version(), extractor.layout(), rows);
    }

    /** Rows with a numeric label that depends on the features, for regression. */
    static FeatureSet regression(FeatureSet source) {
        FeatureLayout layout = source.header().layout();
        List<FeatureRow> rows = new ArrayList<>();
        for (FeatureRow row : source.rows()) {
            float[] x = row.features();
            float target = 0.5f * x[0] - 0.25f * x[11] + 0.1f * x[22] + 1f;
            rows.add(new FeatureRow(
                    row.sampleId(),
                    row.windowIndex(),
                    row.windowStartMs(),
                    String.format(Locale.ROOT, "%.4f", target),
                    x));
        }
        return FeatureSet.of(source.header().impulseVersion(), layout, rows);
    }

    static Set<Gesture> gestures(Gesture first, Gesture... rest) {
        return EnumSet.of(first, rest);
    }
}
