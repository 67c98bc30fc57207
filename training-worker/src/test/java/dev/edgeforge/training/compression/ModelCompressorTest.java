package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.ArchitectureViolation;
import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.model.stats.CompressionMethod;
import dev.edgeforge.core.model.stats.CompressionReport;
import dev.edgeforge.core.model.stats.ModelVariant;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingCancelledException;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full compression run on synthetic gestures (tested on people the model never saw): every variant is measured,
 * pruning and distillation really change sizes, and accuracy stays within a sane bound.
 */
class ModelCompressorTest {

    private static LabelledSamples samples;
    private static GestureWindows test;
    private static float[][] testFeatures;
    private static TrainingResult trained;
    private static final Hyperparameters HYPERPARAMETERS =
            Hyperparameters.defaults().withEpochs(20).withLearningRate(0.005);

    @BeforeAll
    static void train() {
        GestureWindows train = GestureWindows.generate(1000, 20, 61);
        test = GestureWindows.generate(600, 10, 62);
        samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        testFeatures = GestureWindows.spectralFeatures(test.windows());
        trained = samples.applyTo(Trainer.builder())
                .setArchitecture(
                        LearningBlock.classification(List.of(LayerSpec.dense(40, RELU), LayerSpec.dense(20, RELU))))
                .setHyperparameters(HYPERPARAMETERS)
                .build()
                .train();
    }

    @Test
    void everyVariantIsMeasuredAndCompressionReallyShrinks() {
        List<String> events = new ArrayList<>();
        CompressionOutcome outcome = ModelCompressor.builder()
                .setModel(TrainedModel.of(trained))
                .setSamples(samples)
                .optTestSet(testFeatures, test.labels())
                .setHyperparameters(HYPERPARAMETERS.withEpochs(8).withLearningRate(0.002))
                .optMagnitudePruning(SparsitySchedule.to(0.8))
                .optStructuredPruning(0.5)
                .optDistillation(LearningBlock.classification(List.of(LayerSpec.dense(10, RELU))), 4, 0.3)
                .optStudentHyperparameters(HYPERPARAMETERS)
                .optListener(new CompressionListener() {
                    @Override
                    public void stageStarted(String stage, int index, int count) {
                        events.add(index + "/" + count + " " + stage);
                    }

                    @Override
                    public void epoch(String stage, EpochMetrics metrics) {
                        events.add(stage + " epoch " + metrics.epoch());
                    }
                })
                .build()
                .compress();

        CompressionReport report = outcome.report();
        print(report);
        assertThat(report.variants())
                .extracting(ModelVariant::name)
                .containsExactly(
                        "float32",
                        "int8",
                        "magnitude-pruning",
                        "magnitude-pruning-int8",
                        "structured-pruning",
                        "structured-pruning-int8",
                        "distillation",
                        "distillation-int8");
        assertThat(outcome.graphs().keySet())
                .containsExactlyElementsOf(
                        report.variants().stream().map(ModelVariant::name).toList());
        assertThat(report.testSamples()).isEqualTo(600);
        assertThat(events)
                .startsWith("0/4 float32 and int8", "1/4 magnitude pruning", "magnitude pruning epoch 1")
                .contains("2/4 structured pruning", "3/4 distillation", "distillation epoch 20");

        ModelVariant float32 = variant(report, "float32");
        ModelVariant int8 = variant(report, "int8");
        assertThat(int8.testAccuracy()).isCloseTo(float32.testAccuracy(), within(0.01));
        assertThat(int8.weightBytes()).isLessThan(float32.weightBytes() / 3);
        assertThat(int8.activationLowerBound()).isLessThan(float32.activationLowerBound());

        ModelVariant magnitude = variant(report, "magnitude-pruning");
        assertThat(magnitude.method()).isEqualTo(CompressionMethod.MAGNITUDE_PRUNING);
        assertThat(magnitude.sparsity()).isCloseTo(0.8, within(0.002));
        assertThat(float32.sparsity()).isZero();
        assertThat(variant(report, "magnitude-pruning-int8").sparsity()).isGreaterThanOrEqualTo(0.79);
        assertThat(magnitude.parameters()).isEqualTo(float32.parameters());

        for (String smaller : List.of("structured-pruning", "distillation")) {
            ModelVariant v = variant(report, smaller);
            assertThat(v.parameters()).as(smaller).isLessThan(float32.parameters() / 2);
            assertThat(v.weightBytes()).as(smaller).isLessThan(float32.weightBytes() / 2);
            assertThat(v.macs()).as(smaller).isLessThan(float32.macs() / 2);
            assertThat(variant(report, smaller + "-int8").weightBytes()).isLessThan(int8.weightBytes() / 2);
        }
        for (ModelVariant v : report.variants()) {
            assertThat(v.testAccuracy()).as(v.name()).isGreaterThan(float32.testAccuracy() - 0.05);
        }
        assertThat(outcome.structuredPruning()
                        .orElseThrow()
                        .model()
                        .architecture()
                        .layers())
                .containsExactly(LayerSpec.dense(20, RELU), LayerSpec.dense(10, RELU));
        // The graphs are ready for download: written and read back, they are the same.
        assertThat(new TfliteReader()
                        .read(new TfliteWriter()
                                .write(outcome.graph("structured-pruning-int8").orElseThrow()))
                        .operators())
                .hasSameSizeAs(
                        outcome.graph("structured-pruning-int8").orElseThrow().operators());
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readValue(json.writeValueAsString(report), CompressionReport.class))
                .isEqualTo(report);
    }

    @Test
    void withoutATestSetAccuraciesAreNullAndOnlyBaselineVariantsExist() {
        CompressionOutcome outcome = ModelCompressor.builder()
                .setModel(TrainedModel.of(trained))
                .setSamples(samples)
                .setHyperparameters(HYPERPARAMETERS)
                .build()
                .compress();

        assertThat(outcome.report().variants()).extracting(ModelVariant::name).containsExactly("float32", "int8");
        assertThat(outcome.report().variants()).allMatch(v -> v.testAccuracy() == null);
        assertThat(outcome.report().testSamples()).isZero();
        assertThat(outcome.magnitudePruning()).isEmpty();
    }

    @Test
    void cancellationStopsBetweenStagesAndBadSettingsFailEarly() {
        assertThatThrownBy(() -> ModelCompressor.builder()
                        .setModel(TrainedModel.of(trained))
                        .setSamples(samples)
                        .setHyperparameters(HYPERPARAMETERS)
                        .optStructuredPruning(0.5)
                        .optCancellation(() -> true)
                        .build()
                        .compress())
                .isInstanceOf(TrainingCancelledException.class);
        assertThatThrownBy(() -> ModelCompressor.builder()
                        .setModel(TrainedModel.of(trained))
                        .setSamples(samples)
                        .setHyperparameters(HYPERPARAMETERS)
                        .optTestSet(new float[][] {new float[3]}, new int[] {0})
                        .build())
                .hasMessageContaining("test window 0 must have 33 values");
        assertThatThrownBy(() -> ModelCompressor.builder().optStructuredPruning(1.0))
                .hasMessageContaining("below 1");
        assertThatThrownBy(() -> ModelCompressor.builder()
                        .setModel(TrainedModel.of(trained))
                        .setSamples(samples)
                        .setHyperparameters(HYPERPARAMETERS)
                        .optDistillation(
                                LearningBlock.classification(List.of(LayerSpec.conv1d(4, 3, 1, null, RELU))), 4, 0.3)
                        .build())
                .isInstanceOf(ArchitectureViolation.class);
    }

    private static ModelVariant variant(CompressionReport report, String name) {
        return report.variant(name).orElseThrow();
    }

    private static void print(CompressionReport report) {
        System.out.printf(
                Locale.ROOT,
                "%-24s %9s %7s %9s %8s %7s %8s %8s%n",
                "variant",
                "accuracy",
                "params",
                "weight B",
                "sparsity",
                "MACs",
                "act. LB",
                "tflite B");
        for (ModelVariant v : report.variants()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %8.2f%% %7d %9d %7.1f%% %7d %8d %8d%n",
                    v.name(),
                    100 * v.testAccuracy(),
                    v.parameters(),
                    v.weightBytes(),
                    100 * v.sparsity(),
                    v.macs(),
                    v.activationLowerBound(),
                    v.tfliteBytes());
        }
    }
}
