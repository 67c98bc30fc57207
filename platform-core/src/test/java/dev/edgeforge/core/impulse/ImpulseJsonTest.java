package dev.edgeforge.core.impulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.WindowFunction;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImpulseJsonTest {

    private static Impulse audioImpulse() {
        JsonNode settings = ImpulseJson.mapper().readTree("{\"epochs\":30,\"layers\":[{\"conv1d\":8}]}");
        return new Impulse(
                3,
                AudioInput.defaults(),
                List.of(new ProcessingBlock(1, "MFCC", List.of("audio"), MfccParams.defaults())),
                List.of(new LearningBlockRef("classification", "NN Classifier", List.of(1), settings)));
    }

    @Test
    void roundTripsThroughJson() {
        Impulse impulse = audioImpulse();
        String json = ImpulseJson.write(impulse);
        assertThat(json).contains("\"type\":\"audio\"").contains("\"type\":\"mfcc\"");
        assertThat(ImpulseJson.read(json)).isEqualTo(impulse);
        assertThat(impulse.check(List.of("audio"))).isEmpty();
    }

    @Test
    void readsMinimalJsonWithDefaults() {
        Impulse impulse = ImpulseJson.read("""
                {"version":1,"input":{"type":"time-series","frequencyHz":100},
                 "processingBlocks":[{"id":7,"name":"Spectral","axes":["accX","accY"],
                                      "params":{"type":"spectral-analysis","fftLength":32}}]}""");
        assertThat(impulse.input()).isEqualTo(new TimeSeriesInput(2000, 80, 100, true));
        ProcessingBlock block = impulse.processingBlocks().get(0);
        assertThat(block.params())
                .isEqualTo(new SpectralAnalysisParams(1, FilterType.LOW, 3, 6, 32, true, true, 0, 0.1));
        assertThat(impulse.learningBlocks()).isEmpty();
        assertThat(impulse.signalShapeFor(block).sampleCount()).isEqualTo(200);
        assertThat(impulse.signalShapeFor(block).axisCount()).isEqualTo(2);
    }

    @Test
    void refusesUnknownFieldsAndTypesNamingThem() {
        assertThatThrownBy(() -> ImpulseJson.read("{\"version\":1,\"input\":{\"type\":\"audio\",\"windowSize\":5}}"))
                .isInstanceOf(ImpulseViolation.class)
                .hasMessageContaining("windowSize");
        assertThatThrownBy(() -> ImpulseJson.read("{\"version\":1,\"input\":{\"type\":\"radar\"}}"))
                .isInstanceOf(ImpulseViolation.class)
                .hasMessageContaining("radar");
    }

    @Test
    void validationNamesEveryBadField() {
        Impulse impulse = new Impulse(
                1,
                new AudioInput(1000, 500, 16000, true),
                List.of(
                        new ProcessingBlock(
                                1,
                                "MFCC",
                                List.of("audio"),
                                new MfccParams(13, 0.02, 0.02, 32, 200, 300, 9000, 0.98, WindowFunction.HAMMING, 22)),
                        new ProcessingBlock(1, " ", List.of("gyro"), MfccParams.defaults())),
                List.of(new LearningBlockRef("classification", "NN", List.of(5), null)));
        assertThatThrownBy(() -> impulse.validate(List.of("audio")))
                .isInstanceOfSatisfying(
                        ImpulseViolation.class,
                        e -> assertThat(e.errors())
                                .extracting(ParameterError::field)
                                .containsExactlyInAnyOrder(
                                        "processingBlocks[0].mfcc.fftLength",
                                        "processingBlocks[0].mfcc.highFrequency",
                                        "processingBlocks[1].id",
                                        "processingBlocks[1].name",
                                        "processingBlocks[1].axes",
                                        "learningBlocks[0].inputs"))
                .hasMessageContaining("axis 'gyro' is not in the dataset");
        assertThat(new TimeSeriesInput(0, -1, 50, true).check())
                .extracting(ParameterError::field)
                .containsExactlyInAnyOrder("input.windowSizeMs", "input.windowStrideMs");
        assertThat(new ImageInput(0, 4000, ResizeMode.SQUASH, ColorDepth.RGB).check())
                .extracting(ParameterError::field)
                .containsExactlyInAnyOrder("input.width", "input.height");
    }
}
