package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KnowledgeDistillationTest {

    @Test
    void smallStudentLearnsFromTheTeacher() {
        GestureWindows train = GestureWindows.generate(800, 20, 51);
        GestureWindows test = GestureWindows.generate(400, 10, 52);
        LabelledSamples samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        float[][] testFeatures = GestureWindows.spectralFeatures(test.windows());
        // fixed epochs at a constant rate, as the figures below were measured
        Hyperparameters hyperparameters = Hyperparameters.defaults()
                .withEpochs(20)
                .withLearningRate(0.005)
                .withEarlyStopping(null)
                .withSchedule(null);
        TrainingResult teacher = samples.applyTo(Trainer.builder())
                .setArchitecture(
                        LearningBlock.classification(List.of(LayerSpec.dense(48, RELU), LayerSpec.dense(24, RELU))))
                .setHyperparameters(hyperparameters)
                .build()
                .train();
        LearningBlock studentBlock = LearningBlock.classification(List.of(LayerSpec.dense(10, RELU)));

        DistillationResult student = KnowledgeDistillation.builder()
                .setTeacher(TrainedModel.of(teacher))
                .setStudent(studentBlock)
                .setSamples(samples)
                .setHyperparameters(hyperparameters.withEpochs(30))
                .optTemperature(4)
                .optAlpha(0.3)
                .build()
                .distill();

        assertThat(student.model().architecture()).isEqualTo(studentBlock);
        assertThat(student.temperature()).isEqualTo(4);
        assertThat(student.teacherParameters()).isEqualTo(33 * 48 + 48 + 48 * 24 + 24 + 24 * 4 + 4);
        assertThat(student.studentParameters()).isEqualTo(33 * 10 + 10 + 10 * 4 + 4);
        assertThat(student.studentValidationAccuracy())
                .isEqualTo(student.training().lastEpochMetrics().validationAccuracy(), within(1e-9));
        ModelGraph teacherGraph = new TrainedNetworkConverter().convert(teacher.network());
        ModelGraph studentGraph =
                new TrainedNetworkConverter().convert(student.model().network());
        assertThat(ModelStats.of(studentGraph).macs()).isEqualTo(33 * 10 + 10 * 4);
        assertThat(ModelStats.of(studentGraph).weightBytes())
                .isLessThan(ModelStats.of(teacherGraph).weightBytes() / 5);
        double teacherAccuracy = new GraphPredictor(teacherGraph).accuracy(testFeatures, test.labels());
        double studentAccuracy = new GraphPredictor(studentGraph).accuracy(testFeatures, test.labels());
        System.out.printf(
                Locale.ROOT,
                "distillation 48-24 -> 10: validation %.2f %% -> %.2f %%, test %.2f %% -> " + "%.2f %%%n",
                100 * student.teacherValidationAccuracy(),
                100 * student.studentValidationAccuracy(),
                100 * teacherAccuracy,
                100 * studentAccuracy);
        assertThat(studentAccuracy).isGreaterThan(teacherAccuracy - 0.05);
    }

    @Test
    void rejectsBadSettings() {
        GestureWindows train = GestureWindows.generate(40, 4, 53);
        LabelledSamples samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        TrainingResult teacher = samples.applyTo(Trainer.builder())
                .setArchitecture(LearningBlock.classification(List.of(LayerSpec.dense(4, RELU))))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(1))
                .build()
                .train();
        KnowledgeDistillation.Builder builder = KnowledgeDistillation.builder()
                .setTeacher(TrainedModel.of(teacher))
                .setSamples(samples)
                .setHyperparameters(Hyperparameters.defaults());

        assertThatThrownBy(builder::build).hasMessageContaining("setStudent is required");
        builder.setStudent(LearningBlock.regression(List.of()));
        assertThatThrownBy(builder::build).hasMessageContaining("classification block");
        builder.setStudent(LearningBlock.classification(List.of())).optTemperature(0);
        assertThatThrownBy(builder::build).hasMessageContaining("temperature");
        builder.optTemperature(2).optAlpha(1.5);
        assertThatThrownBy(builder::build).hasMessageContaining("alpha");
    }
}
