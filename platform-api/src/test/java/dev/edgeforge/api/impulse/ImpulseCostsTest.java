package dev.edgeforge.api.impulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.CostEstimate;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpulseCostsTest {

    private static final CostTarget BOARD = new CostTarget("board", "Board", 100_000_000L);

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
        assertThat(report.blocks().get(0).msPerWindow()).isEqualTo(spectral.operations() * 2.0 / 100_000_000 * 1000);
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

        assertThat(report.windowBytes()).isEqualTo(64_000);
        assertThat(report.totalRamBytes()).isEqualTo(report.blocks().get(0).ramBytes() + 64_000);
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
}
