package dev.edgeforge.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LayerSpecJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyLayerKindSurvivesAJsonRoundTrip() {
        List<LayerSpec> layers = List.of(
                LayerSpec.dense(20, Activation.RELU),
                LayerSpec.conv1d(8, 3, 1, Padding.SAME, Activation.RELU6),
                LayerSpec.conv2d(8, 3, 5, 2, Padding.VALID, Activation.NONE),
                LayerSpec.depthwiseConv2d(3, 3, 2, 1, Padding.SAME, Activation.RELU),
                LayerSpec.averagePool1d(2, 2),
                LayerSpec.maxPool1d(3, 1),
                LayerSpec.averagePool2d(2, 2),
                LayerSpec.maxPool2d(2, 1),
                LayerSpec.flatten(),
                LayerSpec.reshape(125, -1),
                LayerSpec.dropout(0.25),
                LayerSpec.batchNorm(),
                LayerSpec.relu(),
                LayerSpec.relu6(),
                LayerSpec.softmax(),
                LayerSpec.add(3));

        String text = json.writerFor(LayerList.class).writeValueAsString(new LayerList(layers));
        LayerList back = json.readValue(text, LayerList.class);

        assertThat(back.layers()).isEqualTo(layers);
        assertThat(text)
                .contains("{\"type\":\"dense\",\"units\":20,\"activation\":\"relu\"}")
                .contains("{\"type\":\"flatten\"}")
                .contains("{\"type\":\"reshape\",\"shape\":[125,-1]}")
                .contains("\"type\":\"depthwise_conv2d\"")
                .contains("{\"type\":\"add\",\"from\":3}");
    }

    @Test
    void missingActivationAndPaddingTakeTheirDefaults() {
        LayerList parsed = json.readValue(
                "{\"layers\":[{\"type\":\"conv1d\",\"filters\":4,\"kernelSize\":3,\"stride\":1},"
                        + "{\"type\":\"dense\",\"units\":5}]}",
                LayerList.class);

        assertThat(parsed.layers())
                .containsExactly(
                        LayerSpec.conv1d(4, 3, 1, Padding.SAME, Activation.NONE), LayerSpec.dense(5, Activation.NONE));
    }

    @Test
    void aBlockWithHyperparametersSurvivesAJsonRoundTrip() {
        LearningBlock block = LearningBlock.classification(List.of(LayerSpec.dense(20, Activation.RELU)));
        Hyperparameters hyperparameters = Hyperparameters.defaults()
                .withEarlyStopping(new EarlyStopping(5, 0.001))
                .withAugmentation(Augmentation.of(new TimeSeriesAugmentation(0.1, 0.1, 0.2)));

        assertThat(json.readValue(json.writeValueAsString(block), LearningBlock.class))
                .isEqualTo(block);
        assertThat(json.readValue(json.writeValueAsString(hyperparameters), Hyperparameters.class))
                .isEqualTo(hyperparameters);
        assertThat(json.writeValueAsString(block)).contains("\"kind\":\"classification\"");
        assertThat(json.writeValueAsString(TensorShape.of(125, 3))).isEqualTo("[125,3]");
    }

    record LayerList(List<LayerSpec> layers) {}
}
