package dev.edgeforge.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ArchitectureCheckerTest {

    @Test
    void listsEveryLayerOfTheFullNetworkWithItsShapeAndCountsParameters() {
        LearningBlock block = LearningBlock.classification(List.of(
                LayerSpec.conv1d(8, 3, 1, Padding.SAME, Activation.NONE),
                LayerSpec.batchNorm(),
                LayerSpec.relu(),
                LayerSpec.maxPool1d(2, 2),
                LayerSpec.flatten(),
                LayerSpec.dense(10, Activation.RELU)));

        ArchitectureCheck check = ArchitectureChecker.check(block, TensorShape.of(20, 3), 4);

        assertThat(check.valid()).isTrue();
        assertThat(check.layers())
                .extracting(ArchitectureCheck.LayerShape::type)
                .containsExactly("conv1d", "batch_norm", "relu", "max_pool1d", "flatten", "dense", "dense", "softmax");
        assertThat(check.layers().get(3).outputShape()).isEqualTo(TensorShape.of(10, 8));
        assertThat(check.layers())
                .extracting(ArchitectureCheck.LayerShape::head)
                .containsExactly(false, false, false, false, false, false, true, true);
        // conv 8*3*3+8, batch norm 2*8, dense 80*10+10, head 10*4+4
        assertThat(check.parameters()).isEqualTo(80 + 16 + 810 + 44);
    }

    @Test
    void namesTheLayerWithAProblemAndStopsShapesThere() {
        LearningBlock block = LearningBlock.classification(List.of(
                LayerSpec.dense(16, Activation.RELU), LayerSpec.conv1d(8, 3, 1, Padding.SAME, Activation.RELU)));

        ArchitectureCheck check = ArchitectureChecker.check(block, TensorShape.of(33), 4);

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).hasSize(1);
        assertThat(check.problems().get(0).layerIndex()).isEqualTo(1);
        assertThat(check.layers()).hasSize(2);
        assertThat(check.layers().get(0).outputShape()).isEqualTo(TensorShape.of(16));
        assertThat(check.layers().get(1).outputShape()).isNull();
        assertThat(check.parameters()).isNull();
    }

    @Test
    void kMeansHasNoLayers() {
        ArchitectureCheck check = ArchitectureChecker.check(
                LearningBlock.anomalyKMeans(new KMeansSettings(0, 10, true)), TensorShape.of(33), 3);

        assertThat(check.valid()).isFalse();
        assertThat(check.problems().get(0).message()).contains("clusterCount");
        assertThat(check.layers()).isEmpty();
    }

    @Test
    void hyperparametersAreTheDefaultsForTheFeaturesWithTheGivenValuesOnTop() {
        JsonMapper json = JsonMapper.builder().build();
        Hyperparameters spectrogram = Hyperparameters.defaultsFor(FeatureKind.SPECTROGRAM, TensorShape.of(89, 13));

        Hyperparameters merged = ModelTrainingService.hyperparameters(
                json.valueToTree(Map.of("epochs", 5, "earlyStopping", Map.of("patience", 3, "minDelta", 0.01))),
                spectrogram);

        assertThat(merged.epochs()).isEqualTo(5);
        assertThat(merged.learningRate()).isEqualTo(Hyperparameters.defaults().learningRate());
        assertThat(merged.earlyStopping().patience()).isEqualTo(3);
        assertThat(merged.augmentation()).isEqualTo(spectrogram.augmentation());
        assertThat(ModelTrainingService.hyperparameters(null, spectrogram)).isEqualTo(spectrogram);
        // a user turns the default augmentation off with null
        assertThat(ModelTrainingService.hyperparameters(json.readTree("{\"augmentation\": null}"), spectrogram)
                        .augmentation())
                .isNull();
        assertThatThrownBy(() -> ModelTrainingService.hyperparameters(
                        json.valueToTree(Map.of("epoch", 5)), Hyperparameters.defaults()))
                .isInstanceOf(ValidationViolation.class)
                .hasMessageContaining("hyperparameters.epoch");
        assertThatThrownBy(() -> ModelTrainingService.hyperparameters(
                        json.valueToTree(Map.of("epochs", "many")), Hyperparameters.defaults()))
                .isInstanceOf(ValidationViolation.class)
                .hasMessageContaining("hyperparameters.epochs");
        assertThatThrownBy(() ->
                        ModelTrainingService.hyperparameters(json.valueToTree(List.of(1)), Hyperparameters.defaults()))
                .isInstanceOf(ValidationViolation.class);
    }

    @Test
    void fileNamesKeepOnlySafeCharacters() {
        assertThat(ModelService.fileName("Gestures v1 / final")).isEqualTo("Gestures-v1-final");
        assertThat(ModelService.fileName("\u00e4\u00f6\u00fc")).isEqualTo("model");
    }
}
