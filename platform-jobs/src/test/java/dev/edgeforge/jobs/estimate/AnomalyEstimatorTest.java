package dev.edgeforge.jobs.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.FlattenStat;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.GmmSettings;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixture;
import dev.edgeforge.core.learning.anomaly.KMeans;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The anomaly estimate's arithmetic: every buffer counted once, the tables by kind, the window deciding whether it
 * fits. How close it comes to real builds is {@code AnomalyEstimatorIT}'s (firmware-builder).
 */
class AnomalyEstimatorTest {

    private final AnomalyEstimator estimator = new AnomalyEstimator();
    private final BoardCatalogue boards = BoardCatalogue.standard();
    private final Board qemu = boards.byId(BoardCatalogue.QEMU_BOARD_ID);
    private final float[][] normal = normal(40, 8);

    @Test
    void featuresAloneHoldTheFeatureBufferTheTablesAndTheRuntime() {
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(5, 50, true), 1);

        DeploymentEstimate estimate = estimator.estimate(model, Optional.empty(), qemu);

        assertThat(estimate.anomaly().model()).isEqualTo("kmeans");
        assertThat(estimate.anomaly().components()).isEqualTo(5);
        assertThat(estimate.anomaly().featureBufferBytes()).isEqualTo(8 * 4);
        assertThat(estimate.anomaly().tableBytes()).isEqualTo(4L * (2 * 8 + 5 * 8));
        DeploymentEstimate.Ram ram = estimate.ram();
        assertThat(ram.arenaBytes()).isZero();
        assertThat(ram.windowBytes()).isZero();
        assertThat(ram.dspBytes()).isZero();
        assertThat(ram.totalBytes())
                .isEqualTo(ram.runtimeBytes() + estimate.anomaly().featureBufferBytes());
        DeploymentEstimate.Flash flash = estimate.flash();
        assertThat(flash.weightBytes()).isEqualTo(estimate.anomaly().tableBytes());
        assertThat(flash.kernelBytes()).isZero();
        assertThat(flash.totalBytes())
                .isEqualTo(flash.weightBytes() + flash.modelCodeBytes() + flash.dspBytes() + flash.runtimeBytes());
        assertThat(estimate.latency().dspMillis()).isZero();
        assertThat(estimate.latency().networkInstructions())
                .isEqualTo(5 * (13 * 8 + 26) + AnomalyEstimator.INSTRUCTIONS_PER_WINDOW);
        assertThat(estimate.fits()).isTrue();
    }

    @Test
    void aMixtureAddsItsInverseVariancesAndLogNormalizers() {
        AnomalyModel model = GaussianMixture.fit(normal, new GmmSettings(3, 50, true), 1);

        DeploymentEstimate estimate = estimator.estimate(model, Optional.empty(), qemu);

        assertThat(estimate.anomaly().model()).isEqualTo("gmm");
        assertThat(estimate.anomaly().tableBytes()).isEqualTo(4L * (2 * 8 + 3 * 8 + 3 * 8 + 3));
    }

    @Test
    void theDspBlocksOutputIsTheFeatureBufferAndTheWindowDecidesTheFit() {
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(5, 50, true), 1);

        DeploymentEstimate second = estimator.estimate(model, Optional.of(flatten(1000)), qemu);
        DeploymentEstimate sixteen = estimator.estimate(model, Optional.of(flatten(16_000)), qemu);

        assertThat(second.ram().windowBytes()).isEqualTo(1000 * 2 * 4);
        assertThat(second.ram().dspBytes()).isGreaterThanOrEqualTo(8 * 4);
        // the DSP block writes the features the scorer reads: counted once
        assertThat(second.ram().totalBytes())
                .isEqualTo(second.ram().dspBytes()
                        + second.ram().windowBytes()
                        + second.ram().runtimeBytes());
        assertThat(second.flash().dspBytes()).isGreaterThanOrEqualTo(DeploymentEstimator.DSP_CODE_BYTES);
        assertThat(second.fits()).isTrue();
        assertThat(sixteen.ram().windowBytes()).isEqualTo(128_000);
        assertThat(sixteen.fits()).isFalse();
        assertThat(estimator.estimateAll(model, Optional.of(flatten(16_000)), boards))
                .extracting(DeploymentEstimate::boardId)
                .containsExactlyElementsOf(boards.all().stream().map(Board::id).toList());
    }

    private static Impulse flatten(int windowMillis) {
        return new Impulse(
                1,
                new TimeSeriesInput(windowMillis, windowMillis, 1000, true),
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
    }

    private static float[][] normal(int rows, int features) {
        Random random = new Random(3);
        float[][] values = new float[rows][features];
        for (float[] row : values) {
            for (int j = 0; j < features; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return values;
    }
}
