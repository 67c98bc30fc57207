package dev.edgeforge.firmware.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 on real recordings (UCR Wafer, {@code /work/shared/datasets/wafer}, or {@code -Dedgeforge.datasets}): the
 * default K-means (32 clusters) and Gaussian mixture (8 components) learn two thirds of the normal recordings through
 * the raw whole-recording impulse; their firmware for the emulated board scores the other normal recordings and every
 * fault, raw, through the device's own DSP block, and must decide every window as the server does. Fails (never
 * skips) without the data set.
 */
class WaferAnomalyDeviceIT {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    @Test
    void defaultKMeansDecidesEveryWaferWindowAsTheServer() throws IOException {
        Wafer wafer = Wafer.read();
        AnomalyModel model = KMeans.fit(wafer.trainingFeatures(), KMeansSettings.defaults(), 1);
        DeployResult.AnomalyScores scores = buildAndVerify("wafer-kmeans", model, wafer);

        assertThat(scores.verified()).as("%s", scores).isTrue();
    }

    @Test
    void defaultGaussianMixtureDecidesEveryWaferWindowAsTheServerAndCatchesTheFaults() throws IOException {
        Wafer wafer = Wafer.read();
        AnomalyModel model = GaussianMixture.fit(wafer.trainingFeatures(), GmmSettings.defaults(), 1);
        DeployResult.AnomalyScores scores = buildAndVerify("wafer-gmm", model, wafer);

        assertThat(scores.verified()).as("%s", scores).isTrue();
        // the device's own decisions catch most of the 97 faults (the server's recall at the default threshold: 0.98)
        assertThat(wafer.faultsCalled(scores, model)).isGreaterThanOrEqualTo(87);
    }

    private DeployResult.AnomalyScores buildAndVerify(String name, AnomalyModel model, Wafer wafer) {
        double threshold = model.scoreQuantile(wafer.trainingFeatures(), 0.99);
        BuildResult built = new AnomalyBundler(BoardCatalogue.standard(), Toolchain.armNoneEabi())
                .build(
                        new AnomalyLibraryRequest(name, model, threshold, Optional.of(Wafer.IMPULSE)),
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.FIRMWARE,
                        work.resolve(name),
                        LIMIT);
        DeployResult.AnomalyScores scores = AnomalyVerifier.standard(LIMIT)
                .verify(
                        built.firmwareElf().orElseThrow(),
                        model,
                        threshold,
                        Optional.of(Wafer.IMPULSE),
                        wafer.test(),
                        "given",
                        "wafer test recordings",
                        done -> {});
        System.out.printf(
                Locale.ROOT,
                "[real data] wafer %s on the device: %d windows (%d faults), decisions equal %d, scores within"
                        + " tolerance %d, max |diff| %.3g, max rel %.3g, anomalies device %d server %d, faults"
                        + " called by the device %d, %s=%.0f per window (DSP %.0f), flash %d B, RAM %d B%n",
                model.describe(),
                scores.windows(),
                wafer.faults(),
                scores.decisionsEqual(),
                scores.withinTolerance(),
                scores.maxAbsoluteDifference(),
                scores.maxRelativeDifference(),
                scores.deviceAnomalies(),
                scores.serverAnomalies(),
                wafer.faultsCalled(scores, model),
                scores.counterUnit(),
                scores.instructions().mean(),
                scores.instructions().dsp().mean(),
                built.memoryReport().image().orElseThrow().flashBytes(),
                built.memoryReport().image().orElseThrow().ramBytes());
        return scores;
    }

    /** The UCR Wafer training file: label 1 normal, -1 abnormal; 152 values per recording. */
    record Wafer(List<float[]> training, List<TestWindow> test, int faults, boolean[] faultAt) {

        /** The raw whole-recording impulse the suggestion rule picks for these recordings (1.52 s at 100 Hz). */
        static final Impulse IMPULSE = new Impulse(
                1,
                new TimeSeriesInput(1520, 380, 100, true),
                List.of(new ProcessingBlock(1, "Raw", List.of("value"), new RawParams(1.0))),
                List.of(new LearningBlockRef("anomaly_kmeans", "Anomaly", List.of(1), null)));

        static Wafer read() throws IOException {
            Path file = Path.of(System.getProperty("edgeforge.datasets", "/work/shared/datasets"))
                    .resolve("wafer/Wafer_TRAIN.tsv");
            List<float[]> training = new ArrayList<>();
            List<TestWindow> test = new ArrayList<>();
            List<Boolean> faultAt = new ArrayList<>();
            int index = 0;
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                float[] values = new float[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    values[i - 1] = Float.parseFloat(parts[i]);
                }
                boolean normal = parts[0].equals("1");
                if (normal && index % 3 != 0) {
                    training.add(values);
                } else {
                    test.add(TestWindow.raw(values, normal ? "normal" : "abnormal"));
                    faultAt.add(!normal);
                }
                index++;
            }
            boolean[] faults = new boolean[faultAt.size()];
            int count = 0;
            for (int i = 0; i < faults.length; i++) {
                faults[i] = faultAt.get(i);
                count += faults[i] ? 1 : 0;
            }
            return new Wafer(training, test, count, faults);
        }

        float[][] trainingFeatures() {
            ImpulseDsp dsp = ImpulseDsp.of(IMPULSE);
            return training.stream().map(dsp::features).toArray(float[][]::new);
        }

        /**
         * Faults called anomalous at the threshold: the device's count when the verification found every decision
         * equal to the server's (it is asserted before this is read), -1 otherwise.
         */
        int faultsCalled(DeployResult.AnomalyScores scores, AnomalyModel model) {
            if (!scores.verified()) {
                return -1;
            }
            ImpulseDsp dsp = ImpulseDsp.of(IMPULSE);
            int called = 0;
            for (int i = 0; i < test.size(); i++) {
                if (faultAt[i] && model.score(dsp.features(test.get(i).values())) > scores.threshold()) {
                    called++;
                }
            }
            return called;
        }
    }
}
