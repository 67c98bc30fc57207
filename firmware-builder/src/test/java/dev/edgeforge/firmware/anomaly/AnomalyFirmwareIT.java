package dev.edgeforge.firmware.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * K-means and Gaussian-mixture models compiled with their spectral-analysis impulse into firmware for the emulated
 * board: raw vibration windows go through the device's own DSP block and scorer, and the device's scores and
 * decisions are held against the server's.
 */
class AnomalyFirmwareIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void kmeansScoresOnTheDeviceAsOnTheServer() {
        Impulse impulse = VibrationAnomalies.impulse();
        float[][] normal = VibrationAnomalies.features(ImpulseDsp.of(impulse), false, 60, 1);
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(4, 100, true), 7);
        DeployResult.AnomalyScores scores = buildAndVerify("kmeans", model, impulse, normal);

        assertVerified(scores, "kmeans");
    }

    @Test
    void gmmScoresOnTheDeviceAsOnTheServer() {
        Impulse impulse = VibrationAnomalies.impulse();
        float[][] normal = VibrationAnomalies.features(ImpulseDsp.of(impulse), false, 60, 1);
        AnomalyModel model = GaussianMixture.fit(normal, new GmmSettings(3, 100, true), 7);
        DeployResult.AnomalyScores scores = buildAndVerify("gmm", model, impulse, normal);

        assertVerified(scores, "gmm");
    }

    @Test
    void featuresWithoutAnImpulseAreScoredWithTheScoreCommand() {
        Impulse impulse = VibrationAnomalies.impulse();
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        float[][] normal = VibrationAnomalies.features(dsp, false, 40, 1);
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(3, 100, true), 3);
        double threshold = model.scoreQuantile(normal, 0.99);
        BuildResult built = new AnomalyBundler(BoardCatalogue.standard(), Toolchain.armNoneEabi())
                .build(
                        new AnomalyLibraryRequest("features only", model, threshold, Optional.empty()),
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.FIRMWARE,
                        work.resolve("features"),
                        LIMIT);
        List<TestWindow> windows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            windows.add(TestWindow.features(dsp.features(VibrationAnomalies.window(i % 2 == 1, 500 + i)), null));
        }

        DeployResult.AnomalyScores scores = AnomalyVerifier.standard(LIMIT)
                .verify(
                        built.firmwareElf().orElseThrow(),
                        model,
                        threshold,
                        Optional.empty(),
                        windows,
                        "given",
                        "features",
                        done -> {});

        assertThat(scores.path()).isEqualTo("features");
        assertThat(scores.verified()).as("%s", scores).isTrue();
        assertThat(scores.instructions().dsp()).isNull();
    }

    @Test
    void aDeviceDecidingWithAnotherThresholdIsNotVerified() {
        Impulse impulse = VibrationAnomalies.impulse();
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        float[][] normal = VibrationAnomalies.features(dsp, false, 40, 1);
        AnomalyModel model = KMeans.fit(normal, new KMeansSettings(3, 100, true), 3);
        List<TestWindow> windows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            windows.add(TestWindow.raw(VibrationAnomalies.window(true, 900 + i), "fault"));
        }
        // built to call nothing an anomaly, checked against the server's threshold: every fault is a disagreement
        BuildResult built = new AnomalyBundler(BoardCatalogue.standard(), Toolchain.armNoneEabi())
                .build(
                        new AnomalyLibraryRequest("lenient", model, 1e30, Optional.of(impulse)),
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.FIRMWARE,
                        work.resolve("lenient"),
                        LIMIT);

        DeployResult.AnomalyScores scores = AnomalyVerifier.standard(LIMIT)
                .verify(
                        built.firmwareElf().orElseThrow(),
                        model,
                        model.scoreQuantile(normal, 0.99),
                        Optional.of(impulse),
                        windows,
                        "given",
                        "faults",
                        done -> {});

        assertThat(scores.failure()).isNull();
        assertThat(scores.withinTolerance()).isEqualTo(4);
        assertThat(scores.deviceAnomalies()).isZero();
        assertThat(scores.serverAnomalies()).isEqualTo(4);
        assertThat(scores.verified()).isFalse();
    }

    private DeployResult.AnomalyScores buildAndVerify(
            String name, AnomalyModel model, Impulse impulse, float[][] normal) {
        double threshold = model.scoreQuantile(normal, 0.99);
        BuildResult built = new AnomalyBundler(BoardCatalogue.standard(), Toolchain.armNoneEabi())
                .build(
                        new AnomalyLibraryRequest(name, model, threshold, Optional.of(impulse)),
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.FIRMWARE,
                        work.resolve(name),
                        LIMIT);
        List<TestWindow> windows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean faulty = i % 3 == 2;
            windows.add(TestWindow.raw(VibrationAnomalies.window(faulty, 1000 + i), faulty ? "fault" : "normal"));
        }
        return AnomalyVerifier.standard(LIMIT)
                .verify(
                        built.firmwareElf().orElseThrow(),
                        model,
                        threshold,
                        Optional.of(impulse),
                        windows,
                        "given",
                        "vibration windows",
                        done -> {});
    }

    private static void assertVerified(DeployResult.AnomalyScores scores, String kind) {
        System.out.printf(
                "%s on the device: %d windows, decisions equal %d, max |diff| %.3g, max rel %.3g, %s=%.0f per window"
                        + " (DSP %.0f)%n",
                kind,
                scores.windows(),
                scores.decisionsEqual(),
                scores.maxAbsoluteDifference(),
                scores.maxRelativeDifference(),
                scores.counterUnit(),
                scores.instructions().mean(),
                scores.instructions().dsp().mean());
        assertThat(scores.failure()).isNull();
        assertThat(scores.model()).isEqualTo(kind);
        assertThat(scores.path()).isEqualTo("raw");
        assertThat(scores.answered()).isEqualTo(12);
        assertThat(scores.decisionsEqual()).isEqualTo(12);
        assertThat(scores.maxRelativeDifference()).isLessThanOrEqualTo(AnomalyVerifier.RELATIVE_TOLERANCE);
        // the four faulty windows are anomalies on the device, as on the server
        assertThat(scores.deviceAnomalies()).isGreaterThanOrEqualTo(4);
        assertThat(scores.verified()).isTrue();
    }
}
