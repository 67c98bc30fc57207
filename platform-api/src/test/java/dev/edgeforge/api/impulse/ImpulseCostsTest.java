package dev.edgeforge.api.impulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.core.dsp.CostEstimate;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.jobs.estimate.DspCosts;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ImpulseCostsTest {

    private static final CostTarget BOARD = new CostTarget("board", "Board", 100_000_000L, 131_072, 1_048_576);

    @Test
    void blocksRunOneAfterAnotherOutputsStayAndWorkingMemoryIsShared() {
        List<String> axes = List.of("accX", "accY", "accZ");
        Impulse impulse = new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(
                        new ProcessingBlock(1, "Spectral", axes, SpectralAnalysisParams.defaults()),
                        new ProcessingBlock(2, "Flatten", axes, FlattenParams.defaults()),
                        new ProcessingBlock(3, "Raw", List.of("accX"), RawParams.defaults())),
                List.of());

        ImpulseCosts.CostReport report = ImpulseCosts.estimate(impulse, BOARD, 1);

        SignalShape three = SignalShape.timeSeries(3, 125, 62.5);
        CostEstimate spectral = SpectralAnalysisParams.defaults().createBlock().estimateCost(three);
        CostEstimate flatten = FlattenParams.defaults().createBlock().estimateCost(three);
        CostEstimate raw = RawParams.defaults().createBlock().estimateCost(SignalShape.timeSeries(1, 125, 62.5));
        assertThat(report.blocks())
                .extracting(ImpulseCosts.BlockCost::ramBytes)
                .containsExactly(spectral.ramBytes(), flatten.ramBytes(), raw.ramBytes());
        // the C twin's instructions per window (DspCosts) at the Cortex-M4F's 2.5 cycles each, on 100 MHz
        double instructions =
                DspCosts.instructions(SpectralAnalysisParams.defaults().createBlock(), three, WindowSample.FLOAT32);
        assertThat(report.blocks().get(0).msPerWindow())
                .isCloseTo(instructions * 2.5 / 100_000_000 * 1000, within(1e-9));
        int features = report.blocks().stream()
                .mapToInt(b -> b.featureShape().stream().reduce(1, (x, y) -> x * y))
                .sum();
        assertThat(report.featureCount()).isEqualTo(features);
        long outputs = 4L * features;
        long largestScratch = report.blocks().stream()
                .mapToLong(b -> b.ramBytes() - 4L * b.featureShape().stream().reduce(1, (x, y) -> x * y))
                .max()
                .orElseThrow();
        // the raw window buffer: 125 samples of 3 float32 axes (the widest block's input)
        assertThat(report.windowBytes()).isEqualTo(4L * 3 * 125);
        assertThat(report.totalRamBytes()).isEqualTo(outputs + largestScratch + report.windowBytes());
        assertThat(report.totalRamBytes() - report.windowBytes())
                .isLessThanOrEqualTo(spectral.ramBytes() + flatten.ramBytes() + raw.ramBytes());
        assertThat(report.totalRomBytes()).isEqualTo(spectral.romBytes() + flatten.romBytes() + raw.romBytes());
    }

    @Test
    void theRawWindowOfOneSecondOf16KhzAudioIsCounted() {
        // issue #19: the costs counted the DSP's RAM but not the 64 KB raw-window buffer the firmware holds
        Impulse impulse = new Impulse(
                1,
                AudioInput.defaults(),
                List.of(new ProcessingBlock(1, "Spectral", List.of("audio"), SpectralAnalysisParams.defaults())),
                List.of());

        ImpulseCosts.CostReport report = ImpulseCosts.estimate(impulse, BOARD, null);

        assertThat(report.windowBytes()).isEqualTo(32_000); // one second of 16 kHz audio as int16 counts
        assertThat(report.totalRamBytes()).isEqualTo(report.blocks().get(0).ramBytes() + 32_000);
    }

    @Test
    void anInvalidInputMakesEveryBlockSayWhy() {
        Impulse impulse = new Impulse(
                1,
                new TimeSeriesInput(2000, 80, -1, true),
                List.of(new ProcessingBlock(1, "Raw", List.of("accX"), RawParams.defaults())),
                List.of());

        ImpulseCosts.CostReport report = ImpulseCosts.estimate(impulse, BOARD, null);

        assertThat(report.blocks()).singleElement().satisfies(b -> {
            assertThat(b.ramBytes()).isNull();
            assertThat(b.errors()).extracting(e -> e.field()).containsExactly("input");
        });
        assertThat(report.totalMsPerWindow()).isZero();
    }

    /** The runtime RAM of an image with a DSP block: 8 KiB stack, serial buffers, board state, C library data. */
    private static final long RUNTIME = 8_192 + 264 + 112;

    @Test
    void a2048x2048RgbImageCannotFitAndSaysWhyWithTheFigures() {
        // issue #20: POST .../impulse/costs answered errors: [] for 2048x2048 RGB (50 MB of RAM)
        ImpulseCosts.CostReport report = ImpulseCosts.estimate(image(2048, ColorDepth.RGB, null), BOARD, null);

        assertThat(report.device().fits()).isFalse();
        assertThat(report.device().ramBytes()).isGreaterThan(3L * 2048 * 2048);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("input");
            assertThat(e.message())
                    .startsWith(String.format(
                            Locale.ROOT,
                            "needs %,d B of RAM on the Board, which has 131,072 B",
                            report.device().ramBytes()))
                    .contains("raw window 12,582,912 B")
                    .contains("grayscale");
        });
    }

    @Test
    void theImageBlockWritesTheNetworksInt8InputSoNoFloat32FeaturesAreCounted() {
        // issue #20: the image block's output was counted as float32 (110,592 B at 96x96 RGB)
        ImpulseCosts.CostReport report = ImpulseCosts.estimate(image(96, ColorDepth.RGB, null), BOARD, null);

        assertThat(report.blocks().get(0).ramBytes()).isEqualTo(27_648);
        assertThat(report.windowBytes()).isEqualTo(27_648);
        assertThat(report.device().dspRamBytes()).isZero();
        // no learning block: the int8 input tensor alone
        assertThat(report.device().networkArenaBytes()).isEqualTo(27_648);
        assertThat(report.device().networkWeightBytes()).isNull();
        assertThat(report.device().ramBytes()).isEqualTo(27_648 + 27_648 + RUNTIME);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void theDefaultImageLearningBlockFitsA128KibBoardAt96x96Rgb() {
        ImpulseCosts.CostReport report = ImpulseCosts.estimate(
                image(96, ColorDepth.RGB, new LearningBlockRef("classification", "Classifier", List.of(), null)),
                BOARD,
                null);

        // frame + the MobileNet-style network's activations (NetworkFootprintTest) + runtime
        assertThat(report.device().networkArenaBytes()).isEqualTo(55_296);
        assertThat(report.device().ramBytes()).isEqualTo(27_648 + 55_296 + RUNTIME);
        assertThat(report.device().networkWeightBytes()).isEqualTo(4_112 + 68 * 2);
        assertThat(report.device().fits()).isTrue();
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void theOldConv16Conv32DefaultOn96x96RgbIsReportedAsNotFitting() {
        // issue #20: conv16->conv32 on 96x96 RGB overflowed the board's RAM at the linker
        LearningBlockRef old = new LearningBlockRef(
                "classification",
                "Classifier",
                List.of(),
                JsonMapper.builder().build().readTree("""
                        {"layers": [
                          {"type": "conv2d", "filters": 16, "kernelHeight": 3, "kernelWidth": 3, "stride": 1,
                           "padding": "same", "activation": "relu"},
                          {"type": "max_pool2d", "poolSize": 2, "stride": 2},
                          {"type": "conv2d", "filters": 32, "kernelHeight": 3, "kernelWidth": 3, "stride": 1,
                           "padding": "same", "activation": "relu"},
                          {"type": "max_pool2d", "poolSize": 2, "stride": 2},
                          {"type": "flatten"}, {"type": "dropout", "rate": 0.25}]}
                        """));

        ImpulseCosts.CostReport report = ImpulseCosts.estimate(image(96, ColorDepth.RGB, old), BOARD, null);

        assertThat(report.device().networkArenaBytes()).isEqualTo(147_456 + 36_864);
        assertThat(report.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("network activations 184,320 B (int8)"));
    }

    private static Impulse image(int side, ColorDepth color, LearningBlockRef learning) {
        return new Impulse(
                1,
                new ImageInput(side, side, ResizeMode.FIT_SHORTEST, color),
                List.of(new ProcessingBlock(1, "Image", List.of(), ImageParams.defaults())),
                learning == null ? List.of() : List.of(learning));
    }
}
