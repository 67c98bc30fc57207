package dev.edgeforge.firmware.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.learning.GmmSettings;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixture;
import dev.edgeforge.core.learning.anomaly.KMeans;
import dev.edgeforge.firmware.bundle.AnomalyBundler;
import dev.edgeforge.firmware.bundle.BuildResult;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.firmware.verification.AnomalyVerifier;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import dev.edgeforge.jobs.estimate.AnomalyEstimator;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly estimate against real builds: flash within 3% and RAM within 2% of the linked image (the tolerances
 * the network estimate is held to in {@code DeployJobHandlerIT}), for K-means and Gaussian mixtures with and without
 * their DSP block, and the scoring instructions against what QEMU counts.
 */
class AnomalyEstimatorIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private final BoardCatalogue boards = BoardCatalogue.standard();
    private final AnomalyEstimator estimator = new AnomalyEstimator();

    @TempDir
    Path work;

    @Test
    void kmeansWithItsDspBlock() {
        Impulse impulse = VibrationAnomalies.impulse();
        float[][] normal = VibrationAnomalies.features(ImpulseDsp.of(impulse), false, 60, 1);
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(4, 100, true), 7);

        compare("kmeans-dsp", model, Optional.of(impulse), normal);
    }

    @Test
    void gaussianMixtureWithItsDspBlock() {
        Impulse impulse = VibrationAnomalies.impulse();
        float[][] normal = VibrationAnomalies.features(ImpulseDsp.of(impulse), false, 60, 1);
        AnomalyModel model = GaussianMixture.fit(normal, new GmmSettings(3, 100, true), 7);

        compare("gmm-dsp", model, Optional.of(impulse), normal);
    }

    @Test
    void manyClustersOnFeaturesAlone() {
        float[][] normal = VibrationAnomalies.features(ImpulseDsp.of(VibrationAnomalies.impulse()), false, 200, 1);
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(32, 100, true), 7);

        DeploymentEstimate estimate = compare("kmeans-32", model, Optional.empty(), normal);
        assertThat(estimate.anomaly().components()).isEqualTo(32);
        assertThat(estimate.flash().weightBytes()).isEqualTo(4L * (2 + 32) * model.featureCount());
    }

    @Test
    void aLargeMixtureOnFeaturesAlone() {
        float[][] normal = VibrationAnomalies.features(ImpulseDsp.of(VibrationAnomalies.impulse()), false, 200, 1);
        AnomalyModel model = GaussianMixture.fit(normal, new GmmSettings(8, 100, true), 7);

        compare("gmm-8", model, Optional.empty(), normal);
    }

    private DeploymentEstimate compare(String name, AnomalyModel model, Optional<Impulse> impulse, float[][] normal) {
        DeploymentEstimate estimate = estimator.estimate(model, impulse, boards.byId(BoardCatalogue.QEMU_BOARD_ID));
        double threshold = model.scoreQuantile(normal, 0.99);
        BuildResult built = new AnomalyBundler(boards, Toolchain.armNoneEabi())
                .build(
                        new AnomalyLibraryRequest(name, model, threshold, impulse),
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.FIRMWARE,
                        work.resolve(name),
                        LIMIT);
        MemoryReport.ImageMemory image = built.memoryReport().image().orElseThrow();
        List<TestWindow> windows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            windows.add(TestWindow.features(normal[i], null));
        }
        DeployResult.AnomalyScores scores = AnomalyVerifier.standard(LIMIT)
                .verify(
                        built.firmwareElf().orElseThrow(),
                        model,
                        threshold,
                        impulse,
                        windows,
                        "given",
                        "features",
                        done -> {});
        System.out.printf(
                "%s: flash %d (estimate %d), RAM %d (estimate %d), score instructions %.0f (estimate %d); %s; %s%n",
                name,
                image.flashBytes(),
                estimate.flash().totalBytes(),
                image.ramBytes(),
                estimate.ram().totalBytes(),
                scores.instructions().mean(),
                estimate.latency().networkInstructions(),
                image.flashByFile(),
                image.ramByFile());
        assertThat(scores.verified()).as("%s", scores).isTrue();
        assertThat((double) estimate.flash().totalBytes())
                .as("flash of %s", name)
                .isCloseTo(image.flashBytes(), within(0.03 * image.flashBytes()));
        assertThat((double) estimate.ram().totalBytes())
                .as("RAM of %s", name)
                .isCloseTo(image.ramBytes(), within(0.02 * image.ramBytes()));
        assertThat((double) estimate.latency().networkInstructions())
                .as("scoring instructions of %s", name)
                .isCloseTo(
                        scores.instructions().mean(),
                        within(0.05 * scores.instructions().mean()));
        assertThat(estimate.fits()).isTrue();
        return estimate;
    }
}
