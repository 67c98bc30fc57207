package dev.edgeforge.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainCommandTest {

    @Test
    void theExplicitOptionsWinOverTheJsonHyperparameters() {
        TrainCommand command = new TrainCommand(null);
        command.hyperparameters = "{\"epochs\": 50, \"batchSize\": 16}";
        command.epochs = 3;
        command.learningRate = 0.01;
        command.name = "nightly";

        assertThat(command.request().toString())
                .isEqualTo("{\"hyperparameters\":{\"epochs\":3,\"batchSize\":16,\"learningRate\":0.01},"
                        + "\"name\":\"nightly\"}");
    }

    @Test
    void withoutOptionsTheBodyIsEmptySoTheImpulseSettingsApply() {
        assertThat(new TrainCommand(null).request().toString()).isEqualTo("{}");
    }
}
