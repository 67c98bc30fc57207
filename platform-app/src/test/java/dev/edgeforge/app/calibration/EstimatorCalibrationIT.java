package dev.edgeforge.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.estimate.KernelCosts;
import dev.edgeforge.jobs.estimate.NetworkWorkload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment estimator's network instructions hold within {@value KernelCosts#TOLERANCE_PERCENT} % of what the
 * firmware measures in QEMU, on the MLPerf Tiny models and on networks trained on the real recordings (see
 * {@link CalibrationModels}): each is built and run as a deployment would be, and runs only operator kinds the
 * estimate calls calibrated. The builder's cache is kept in {@code target/calibration-cache}, so a second run
 * compiles nothing it compiled before.
 */
class EstimatorCalibrationIT {

    @TempDir
    Path work;

    @Test
    void networkInstructionsAreWithinFifteenPercentOfQemuOnEveryCalibrationModel() {
        DeviceInstructions device = new DeviceInstructions(Path.of("target", "calibration-cache"), work);
        List<CalibrationModels.Network> networks = new ArrayList<>(CalibrationModels.mlperfTiny());
        networks.addAll(CalibrationModels.trainedOnRealData(2));
        List<String> misses = new ArrayList<>();
        for (CalibrationModels.Network network : networks) {
            NetworkWorkload workload = NetworkWorkload.of(network.int8());
            // every calibration network runs only kinds the estimate calls calibrated
            assertThat(KernelCosts.calibrated(workload.plan()))
                    .as(network.name())
                    .isTrue();
            long estimated = DeploymentEstimator.networkInstructions(workload);
            long measured = device.measure(network.name(), network.int8());
            double error = 100.0 * (estimated - measured) / measured;
            String line = String.format(
                    Locale.ROOT,
                    "%-18s estimated %,12d measured %,12d  %+6.1f %%  %s",
                    network.name(),
                    estimated,
                    measured,
                    error,
                    network.what());
            System.out.println("[calibration] " + line);
            if (Math.abs(error) > KernelCosts.TOLERANCE_PERCENT) {
                misses.add(line);
            }
        }
        assertThat(misses)
                .as("models outside ±%d %%", KernelCosts.TOLERANCE_PERCENT)
                .isEmpty();
    }
}
