package dev.edgeforge.jobs.estimate;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixtureModel;
import dev.edgeforge.core.learning.anomaly.KMeansModel;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.CounterKind;
import dev.edgeforge.jobs.board.CpuCore;
import dev.edgeforge.jobs.board.RunPower;
import java.util.List;
import java.util.Optional;

/**
 * Estimates RAM, flash and latency of an anomaly model's {@code firmware} image (firmware-builder's
 * {@code AnomalyBundler}: the model's float32 tables, the scorer {@code ef_anomaly.c} and, with an impulse, the DSP
 * block's C twin) before it is built. The network estimator ({@link DeploymentEstimator}) keeps the classifier's
 * coefficients; this class holds only what an anomaly image adds, and shares the DSP block's and the runtime's.
 *
 * <h2>RAM</h2>
 * {@code raw window + DSP buffers + feature buffer + runtime}: the raw window and the DSP block's buffers as for a
 * classifier ({@link DeploymentEstimator}); one float32 buffer of the model's features, which the scorer reads
 * (with an impulse the DSP block writes it; the DSP block's own output estimate already counts it, so it is not
 * counted twice); the runtime ({@link DeploymentEstimator#RUNTIME_RAM_BYTES}: stack, serial ring) plus
 * {@value #MATH_RAM_BYTES} bytes of C library state the math functions link ({@code errno}, reentrancy). The model's
 * tables are {@code const}: flash, not RAM. No scratch: the scorer standardizes each feature on the fly and keeps
 * its sums on the stack.
 *
 * <h2>Flash</h2>
 * {@code tables + scorer + DSP + runtime}: the tables are 4 bytes per value (mean and scale per feature, a centre per
 * cluster or component, and for a Gaussian mixture an inverse variance per component and feature and a log
 * normalizer per component); the scorer is {@value #SCORER_CODE_BYTES} bytes whichever the kind ({@code ef_anomaly.c}
 * holds both scorers, so a K-means image links {@code expf} and {@code logf} too: about 470 bytes of scorer, 1,200 of
 * math library); the DSP block as for a classifier; the runtime is {@value #RUNTIME_FLASH_BYTES} bytes (startup,
 * vector table, UART, the line protocol with its {@code score} commands and their name matching, stack painting, C
 * library). Sizes from the map files of arm-none-eabi-gcc 12.2 builds for Cortex-M4F; {@code AnomalyEstimatorIT}
 * (firmware-builder) holds them within 3% of flash and 2% of RAM of real builds, the tolerances the network estimate
 * is held to (measured: within 80 bytes of flash and 4 bytes of RAM on 9-21 KB images).
 *
 * <h2>Latency</h2>
 * Scoring instructions {@code = components × (per value × features + per component) + }{@value
 * #INSTRUCTIONS_PER_WINDOW}: K-means {@value #KMEANS_INSTRUCTIONS_PER_VALUE} per value and {@value
 * #KMEANS_INSTRUCTIONS_PER_COMPONENT} per cluster, a mixture {@value #GMM_INSTRUCTIONS_PER_VALUE} (the inverse
 * variance) and {@value #GMM_INSTRUCTIONS_PER_COMPONENT} (the exponential of the running log-sum-exp), fitted to QEMU
 * counts of the {@code score} command (within 5% from 4 to 32 clusters of 105 features); times the core's cycles
 * per instruction over the clock as for a network, plus the DSP block's own estimate.
 */
public final class AnomalyEstimator {

    /**
     * The shared runtime (as a classifier's image holds it) plus what an anomaly image adds to it: the {@code score}
     * commands, their name matching and float formatting (2,400 bytes). Built on the classifier's figure so a change
     * to the shared runtime moves both estimates.
     */
    public static final long RUNTIME_FLASH_BYTES = DeploymentEstimator.RUNTIME_FLASH_BYTES + 2_400;

    public static final long SCORER_CODE_BYTES = 1_650;
    public static final long MATH_RAM_BYTES = 112;
    static final long KMEANS_INSTRUCTIONS_PER_VALUE = 13;
    static final long GMM_INSTRUCTIONS_PER_VALUE = 15;
    static final long KMEANS_INSTRUCTIONS_PER_COMPONENT = 26;
    static final long GMM_INSTRUCTIONS_PER_COMPONENT = 82;
    static final long INSTRUCTIONS_PER_WINDOW = 125;

    /** The model in a paragraph, for people reading an estimate. */
    public static final String METHOD = "RAM: raw window + DSP buffers + the float32 feature buffer + runtime (the "
            + "model's tables are constants in flash). Flash: the model's float32 tables (standardization, centres, "
            + "a mixture's variances) + the scorer and the math functions it calls + DSP tables and code + runtime "
            + "(sizes measured from arm-none-eabi-gcc builds). Latency: scoring instructions (a few per feature and "
            + "cluster, fitted to QEMU counts) times the core's cycles per instruction divided by the clock, plus "
            + "the DSP block's own estimate.";

    /** The shape of a stored model, all an estimate needs of it. */
    record Shape(String model, int featureCount, int components, boolean mixture) {

        static Shape of(AnomalyModel model) {
            if (model instanceof KMeansModel kmeans) {
                return new Shape("kmeans", model.featureCount(), kmeans.centroids().length, false);
            }
            GaussianMixtureModel gmm = (GaussianMixtureModel) model;
            return new Shape("gmm", model.featureCount(), gmm.weights().length, true);
        }

        /** Float32 values of the tables the generator writes ({@code AnomalyLibraryGenerator.Tables}). */
        long tableValues() {
            long centres = (long) components * featureCount;
            return 2L * featureCount + centres + (mixture ? centres + components : 0);
        }
    }

    /** One estimate per board of the catalogue, in catalogue order. */
    public List<DeploymentEstimate> estimateAll(AnomalyModel model, Optional<Impulse> impulse, BoardCatalogue boards) {
        Optional<DeploymentEstimator.DspWorkload> dsp = impulse.map(DeploymentEstimator.DspWorkload::of);
        return boards.all().stream()
                .map(board -> estimate(Shape.of(model), dsp, board))
                .toList();
    }

    /**
     * @throws dev.edgeforge.core.device.UnsupportedModelException when the impulse cannot be compiled
     */
    public DeploymentEstimate estimate(AnomalyModel model, Optional<Impulse> impulse, Board board) {
        return estimate(Shape.of(model), impulse.map(DeploymentEstimator.DspWorkload::of), board);
    }

    DeploymentEstimate estimate(Shape shape, Optional<DeploymentEstimator.DspWorkload> dsp, Board board) {
        long featureBuffer = 4L * shape.featureCount();
        // with an impulse the DSP block's output estimate is this very buffer
        long dspRam = dsp.map(d -> d.cost().ramBytes()).orElse(0L);
        long extraFeatureRam = dsp.isPresent() ? Math.max(0, featureBuffer - dspRam) : featureBuffer;
        long windowRam = dsp.map(DeploymentEstimator.DspWorkload::windowBytes).orElse(0L);
        long runtimeRam = DeploymentEstimator.RUNTIME_RAM_BYTES + MATH_RAM_BYTES;
        DeploymentEstimate.Ram ram = new DeploymentEstimate.Ram(
                dspRam + windowRam + runtimeRam + extraFeatureRam,
                board.ram().sizeBytes(),
                0,
                0,
                dspRam,
                windowRam,
                runtimeRam);

        long tables = 4L * shape.tableValues();
        long scorer = SCORER_CODE_BYTES;
        long dspFlash = dsp.map(d -> d.cost().romBytes() + DeploymentEstimator.DSP_CODE_BYTES)
                .orElse(0L);
        DeploymentEstimate.Flash flash = new DeploymentEstimate.Flash(
                tables + scorer + dspFlash + RUNTIME_FLASH_BYTES,
                board.flash().sizeBytes(),
                tables,
                scorer,
                0,
                dspFlash,
                RUNTIME_FLASH_BYTES);

        long instructions = scoreInstructions(shape);
        double cpi = DeploymentEstimator.cyclesPerInstruction(board);
        double scoreMillis = instructions * cpi / board.clockHz() * 1000.0;
        double dspMillis =
                dsp.map(d -> d.cost().millisecondsPerWindow(board.clockHz())).orElse(0.0);
        // the scoring model was measured on the emulated Cortex-M4F (AnomalyEstimatorIT: within 5 % of QEMU counts)
        boolean scoringCalibrated = board.core() == CpuCore.CORTEX_M4F;
        DeploymentEstimate.Latency latency = new DeploymentEstimate.Latency(
                scoreMillis + dspMillis,
                scoreMillis,
                dspMillis,
                instructions,
                cpi,
                board.clockHz(),
                scoringCalibrated && dsp.isEmpty() && board.counter() == CounterKind.INSTRUCTIONS,
                scoringCalibrated,
                (scoringCalibrated
                                ? "anomaly scoring instructions calibrated on QEMU counts (emulated STM32F405, K-means"
                                        + " and Gaussian mixture images, within ±5 %)"
                                : "anomaly scoring instructions not calibrated for "
                                        + board.core().displayName())
                        + "; "
                        + (board.counter() == CounterKind.INSTRUCTIONS
                                ? "time at one instruction per cycle, as this emulated board's counter counts it"
                                : "time not calibrated on this board")
                        + "; DSP block: its own estimate");
        RunPower power = board.runPower();
        double scoreMicrojoules =
                power.microjoules(instructions * DeploymentEstimator.coreCyclesPerInstruction(board.core()));
        double dspMicrojoules = power.microjoules(dspMillis * board.clockHz() / 1000.0);
        DeploymentEstimate.Energy energy = new DeploymentEstimate.Energy(
                scoreMicrojoules + dspMicrojoules,
                scoreMicrojoules,
                dspMicrojoules,
                power.microampsPerMhz(),
                power.supplyVolts(),
                power.source());
        return new DeploymentEstimate(
                board.id(),
                board.name(),
                ram,
                flash,
                latency,
                energy,
                new DeploymentEstimate.Anomaly(
                        shape.model(), shape.featureCount(), shape.components(), featureBuffer, tables));
    }

    /** Instructions of scoring one window's features (the {@code score} command), under the class comment's model. */
    static long scoreInstructions(Shape shape) {
        long perValue = shape.mixture() ? GMM_INSTRUCTIONS_PER_VALUE : KMEANS_INSTRUCTIONS_PER_VALUE;
        long perComponent = shape.mixture() ? GMM_INSTRUCTIONS_PER_COMPONENT : KMEANS_INSTRUCTIONS_PER_COMPONENT;
        return shape.components() * (perValue * shape.featureCount() + perComponent) + INSTRUCTIONS_PER_WINDOW;
    }
}
