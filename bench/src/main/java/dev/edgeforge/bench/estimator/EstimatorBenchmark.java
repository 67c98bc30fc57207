package dev.edgeforge.bench.estimator;

import dev.edgeforge.app.calibration.CalibrationModels;
import dev.edgeforge.app.calibration.DeviceInstructions;
import dev.edgeforge.core.device.NetworkPlan;
import dev.edgeforge.core.interpreter.PreparedOperator;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.estimate.KernelCosts;
import dev.edgeforge.jobs.estimate.NetworkWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The estimator benchmark ({@code ./edgeforge bench estimator}): builds each calibration network (the four MLPerf Tiny
 * models and networks trained on the real recordings, {@code CalibrationModels}) as a firmware deployment for the
 * emulated STM32F405, runs it in QEMU ({@code -icount shift=0}) and prints the estimator's network instructions next
 * to the measured ones, with the error, and the estimate operator by operator with the kernel it runs. Exits with 1
 * when a model is outside ±{@value KernelCosts#TOLERANCE_PERCENT} %.
 *
 * <p>Arguments (optional): training epochs of the trained networks (default 2), then the deployment builder's cache
 * folder (default {@code bench/target/estimator-cache}).
 */
public final class EstimatorBenchmark {

    private EstimatorBenchmark() {}

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path cache = args.length > 1 ? Path.of(args[1]) : Path.of("bench", "target", "estimator-cache");
        Path work = Files.createTempDirectory("estimator-benchmark");
        DeviceInstructions device = new DeviceInstructions(cache, work);
        List<CalibrationModels.Network> networks = new ArrayList<>(CalibrationModels.mlperfTiny());
        networks.addAll(CalibrationModels.trainedOnRealData(epochs));
        boolean allWithin = true;
        List<String> summary = new ArrayList<>();
        for (CalibrationModels.Network network : networks) {
            NetworkWorkload workload = NetworkWorkload.of(network.int8());
            long estimated = DeploymentEstimator.networkInstructions(workload);
            long measured = device.measure(network.name(), network.int8());
            double error = 100.0 * (estimated - measured) / measured;
            boolean within = Math.abs(error) <= KernelCosts.TOLERANCE_PERCENT;
            allWithin &= within;
            String line = String.format(
                    Locale.ROOT,
                    "%-18s estimated %,12d  measured %,12d  %+6.1f %% %s  calibrated kinds: %s  (%s)",
                    network.name(),
                    estimated,
                    measured,
                    error,
                    within ? "ok  " : "MISS",
                    KernelCosts.calibrated(workload.plan()) ? "yes" : "no",
                    network.what());
            summary.add(line);
            System.out.println(line);
            operators(workload.plan());
        }
        System.out.println();
        summary.forEach(System.out::println);
        if (!allWithin) {
            System.out.println("a model is outside ±" + KernelCosts.TOLERANCE_PERCENT + " %");
            System.exit(1);
        }
    }

    private static void operators(NetworkPlan plan) {
        for (PreparedOperator op : plan.prepared().operators()) {
            System.out.printf(
                    Locale.ROOT,
                    "    %3d %-40s %,12d%n",
                    op.index(),
                    KernelCosts.kind(op, plan.packed(op.index())),
                    Math.round(KernelCosts.operatorInstructions(op, plan.packed(op.index()))));
        }
    }
}
