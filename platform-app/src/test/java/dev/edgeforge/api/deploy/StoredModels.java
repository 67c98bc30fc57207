package dev.edgeforge.api.deploy;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.FlattenStat;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.KMeans;
import dev.edgeforge.core.learning.export.RandomNetworks;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The test double of the models feature: a {@link DeployableModelSource} whose models' files are stored in the
 * server's real object store under the models feature's keys ({@code projects/{p}/models/{m}/…}) and whose rows are
 * kept in memory. A bean of every {@code @IntegrationTest} context (component scan of the test classpath), so the
 * shared context stays one.
 *
 * <p>Deployment asks every {@link DeployableModelSource}: the models feature's (trained and imported models) and this
 * one, so tests can deploy a model without training it.
 */
@Component
public class StoredModels implements DeployableModelSource {

    private final ObjectStore store;
    private final Map<UUID, Map<UUID, DeployableModel>> byProject = new ConcurrentHashMap<>();

    StoredModels(ObjectStore store) {
        this.store = store;
    }

    /**
     * Stores a model's files and makes it deployable.
     *
     * @param testSet a feature set file or test window JSON, or {@code null}
     */
    public DeployableModel register(
            UUID projectId,
            String name,
            List<String> labels,
            byte[] int8Tflite,
            byte[] testSet,
            Integer impulseVersion,
            String impulseJson) {
        UUID modelId = UUID.randomUUID();
        String prefix = "projects/" + projectId + "/models/" + modelId + "/";
        store.put(prefix + "model-int8.tflite", int8Tflite);
        String testKey = null;
        if (testSet != null) {
            testKey = prefix + "test-windows";
            store.put(testKey, testSet);
        }
        DeployableModel model = new DeployableModel(
                modelId, name, labels, prefix + "model-int8.tflite", null, impulseVersion, impulseJson, testKey);
        byProject.computeIfAbsent(projectId, id -> new ConcurrentHashMap<>()).put(modelId, model);
        return model;
    }

    /** The tiny three-class classifier with its labelled test set. */
    public DeployableModel registerTinyClassifier(UUID projectId, String name) {
        TinyClassifier classifier = new TinyClassifier();
        return register(
                projectId, name, TinyClassifier.LABELS, classifier.int8Tflite(), classifier.testSet(), null, null);
    }

    /**
     * The tiny classifier behind an impulse whose raw window (16 s of two axes at 1 kHz as float32: 128,000 B) alone
     * nearly fills a 128 KiB board, so the whole image's estimate does not fit the emulated board (issue #19: 138,808
     * of 131,072 B); flatten's four statistics per axis give the classifier's 8 features.
     */
    public DeployableModel registerClassifierWithAWindowTooBigForTheEmulatedBoard(UUID projectId, String name) {
        TinyClassifier classifier = new TinyClassifier();
        Impulse impulse = new Impulse(
                3,
                new TimeSeriesInput(16_000, 16_000, 1000, true),
                List.of(new ProcessingBlock(
                        1,
                        "Flatten",
                        List.of("x", "y"),
                        new FlattenParams(
                                1.0,
                                EnumSet.of(
                                        FlattenStat.AVERAGE,
                                        FlattenStat.MINIMUM,
                                        FlattenStat.MAXIMUM,
                                        FlattenStat.RMS)))),
                List.of());
        return register(
                projectId,
                name,
                TinyClassifier.LABELS,
                classifier.int8Tflite(),
                classifier.testSet(),
                impulse.version(),
                ImpulseJson.write(impulse));
    }

    /**
     * A K-means anomaly model ({@code clusters} clusters, seeded) of two axes at 1 kHz behind a window of
     * {@code windowMillis}, with spectral analysis (the DSP block the estimator's DSP code size is measured on) or
     * flatten's 8 statistics: the 16 s window of {@link #registerClassifierWithAWindowTooBigForTheEmulatedBoard}
     * (128,000 B of raw window) does not fit the emulated board, a 1 s one does. Its test set is
     * {@code testWindows} rows of the features, as the test split stores them, so the emulated board verifies it.
     */
    public DeployableModel registerAnomalyModel(
            UUID projectId, String name, int windowMillis, boolean spectral, int clusters, int testWindows) {
        Impulse impulse = new Impulse(
                4,
                new TimeSeriesInput(windowMillis, windowMillis, 1000, true),
                List.of(new ProcessingBlock(
                        1,
                        spectral ? "Spectral" : "Flatten",
                        List.of("x", "y"),
                        spectral
                                ? new SpectralAnalysisParams(1.0, FilterType.NONE, 3.0, 6, 64, true, true, 0, 0.1)
                                : new FlattenParams(
                                        1.0,
                                        EnumSet.of(
                                                FlattenStat.AVERAGE,
                                                FlattenStat.MINIMUM,
                                                FlattenStat.MAXIMUM,
                                                FlattenStat.RMS)))),
                List.of());
        int features = ImpulseDsp.of(impulse).featureCount();
        Random random = new Random(23);
        float[][] normal = new float[4 * clusters][features];
        for (float[] row : normal) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(clusters, 50, true), 5);
        UUID modelId = UUID.randomUUID();
        String prefix = "projects/" + projectId + "/models/" + modelId + "/";
        store.put(prefix + "anomaly.json", JobJson.mapper().writeValueAsBytes(model));
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < testWindows; i++) {
            rows.add(new FeatureRow("sample-" + i, 0, 0, "normal", normal[i]));
        }
        FeatureLayout layout = new FeatureLayout(List.of(new FeatureLayout.Block(
                1,
                spectral ? "Spectral" : "Flatten",
                spectral ? "spectral-analysis" : "flatten",
                FeatureShape.of(features),
                0)));
        store.put(prefix + "test-windows", FeatureSet.of(4, layout, rows).toBytes());
        DeployableModel deployable = new DeployableModel(
                modelId,
                name,
                List.of(),
                null,
                null,
                impulse.version(),
                ImpulseJson.write(impulse),
                prefix + "test-windows",
                new DeployableModel.Anomaly(prefix + "anomaly.json", model.scoreQuantile(normal, 0.99)));
        byProject.computeIfAbsent(projectId, id -> new ConcurrentHashMap<>()).put(modelId, deployable);
        return deployable;
    }

    /**
     * An int8 image classifier of {@code hiddenLayers} (seeded random weights, quantized on random frames) behind a
     * {@code side}×{@code side} image impulse: what deployment sees of a trained image model, without training.
     */
    public DeployableModel registerImageClassifier(
            UUID projectId, String name, int side, ColorDepth color, List<LayerSpec> hiddenLayers) {
        int channels = color == ColorDepth.RGB ? 3 : 1;
        TensorShape shape = TensorShape.of(side, side, channels);
        List<String> labels = TinyClassifier.LABELS;
        LearningBlock block = LearningBlock.classification(hiddenLayers);
        var network = RandomNetworks.of(
                LearningBlock.Kind.CLASSIFICATION, shape, labels, block.networkLayers(shape, labels.size()), 5);
        List<float[]> calibration = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 4; i++) {
            float[] frame = new float[shape.elementCount()];
            for (int j = 0; j < frame.length; j++) {
                frame[j] = random.nextFloat();
            }
            calibration.add(frame);
        }
        byte[] tflite = new TfliteWriter()
                .write(new PostTrainingQuantizer()
                        .quantize(new TrainedNetworkConverter().convert(network), calibration));
        Impulse impulse = new Impulse(
                4,
                new ImageInput(side, side, ResizeMode.FIT_SHORTEST, color),
                List.of(new ProcessingBlock(1, "Image", List.of(), ImageParams.defaults())),
                List.of());
        return register(projectId, name, labels, tflite, null, impulse.version(), ImpulseJson.write(impulse));
    }

    @Override
    public Optional<DeployableModel> find(UUID projectId, UUID modelId) {
        return Optional.ofNullable(byProject.getOrDefault(projectId, Map.of()).get(modelId));
    }

    @Override
    public List<DeployableModel> list(UUID projectId) {
        return List.copyOf(byProject.getOrDefault(projectId, Map.of()).values());
    }
}
