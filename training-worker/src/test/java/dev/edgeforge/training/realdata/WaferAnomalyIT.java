package dev.edgeforge.training.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.GmmSettings;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.testing.RecordingJobContext;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import dev.edgeforge.training.job.TrainJobHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue #19, part 6: anomaly detection on real process-sensor recordings (UCR Wafer). The train job learns two thirds
 * of the normal recordings and is tested on the other normal ones and every abnormal one, through the worker's real
 * path: feature files with the label dictionary the feature job writes (shared by training and test, so it names
 * {@code abnormal} in the training file too), the default anomaly blocks, the default threshold.
 *
 * <p>The impulse is the one a user picks for short event-like recordings, and the one the suggestion rule of issue #12
 * gives: a window over the whole 1.52 s recording, raw data (152 features).
 */
class WaferAnomalyIT {

    @TempDir
    Path root;

    ObjectStore store;

    @BeforeEach
    void setUp() {
        store = new FileSystemObjectStore(root);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void rawWholeRecordingImpulseWithDefaultKMeansReachesWindowAuc095() throws IOException {
        JsonNode test = train(LearningBlock.anomalyKMeans(KMeansSettings.defaults()));
        assertThat(test.path("auc").asDouble())
                .as("window AUC, K-means defaults")
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void rawWholeRecordingImpulseWithDefaultGaussianMixtureReachesWindowAuc095() throws IOException {
        JsonNode test = train(LearningBlock.anomalyGmm(GmmSettings.defaults()));
        assertThat(test.path("auc").asDouble())
                .as("window AUC, Gaussian mixture defaults")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(test.path("sampleAuc").asDouble()).isGreaterThanOrEqualTo(0.95);
        // at the default threshold (99th percentile of training scores) most faults are caught
        assertThat(test.path("confusion").path("recall").asDouble()).isGreaterThanOrEqualTo(0.9);
    }

    /** Trains the block on the wafer split; answers {@code metrics.anomaly.test}. */
    private JsonNode train(LearningBlock block) throws IOException {
        RealSplit split = RealDatasets.waferNormalOnly(RealDatasets.wafer());
        Impulse impulse = ImpulseSuggestion.recommended()
                .suggest(split.train().stream().map(RealSample::data).toList());
        assertThat(impulse.input()).isEqualTo(new TimeSeriesInput(1520, 380, 100, true));
        assertThat(impulse.processingBlocks().get(0).params()).isInstanceOf(RawParams.class);
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<String> dictionary = List.of("abnormal", "normal");
        String training = put("training", features(extractor, split.train(), dictionary));
        FeatureSet testSet = features(extractor, split.test(), dictionary);
        String testing = put("testing", testSet);
        RecordingJobContext context = new RecordingJobContext(
                UUID.randomUUID(),
                TrainJobPayload.TYPE,
                JobJson.write(new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        block,
                        null,
                        training,
                        testing,
                        FeatureKind.TIME_SERIES,
                        TensorShape.of(extractor.featureLength()),
                        null)));

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.labels()).containsExactly("normal");
        JsonNode test;
        try (InputStream in = store.get(result.artifacts().metrics())) {
            test = JobJson.mapper().readTree(in).path("anomaly").path("test");
        }
        assertThat(test.path("anomalies").asInt()).isEqualTo(97);
        assertThat(test.path("windows").asInt()).isEqualTo(testSet.rows().size());
        System.out.println(String.format(
                Locale.ROOT,
                "[real data] wafer/normal-only %s: window AUC %.4f, sample AUC %.4f, at threshold %.4f recall %.3f "
                        + "precision %.3f accuracy %.3f",
                block.kind(),
                test.path("auc").asDouble(),
                test.path("sampleAuc").asDouble(),
                test.path("threshold").asDouble(),
                test.path("confusion").path("recall").asDouble(),
                test.path("confusion").path("precision").asDouble(),
                test.path("confusion").path("accuracy").asDouble()));
        return test;
    }

    private static FeatureSet features(FeatureExtractor extractor, List<RealSample> samples, List<String> dictionary) {
        List<FeatureRow> rows = new ArrayList<>();
        for (RealSample sample : samples) {
            rows.addAll(extractor.extract(sample.id(), sample.label(), sample.data()));
        }
        FeatureSet set = FeatureSet.of(1, extractor.layout(), rows);
        return new FeatureSet(new FeatureSetHeader(1, set.header().layout(), dictionary, rows.size()), set.rows());
    }

    private String put(String name, FeatureSet set) {
        String key = "projects/wafer/features/1/" + name + ".effs";
        store.put(key, set.toBytes());
        return key;
    }
}
