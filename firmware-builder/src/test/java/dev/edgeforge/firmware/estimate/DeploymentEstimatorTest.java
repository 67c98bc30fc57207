package dev.edgeforge.firmware.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.codegen.FirmwareApplication;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.CounterKind;
import dev.edgeforge.jobs.board.CpuCore;
import dev.edgeforge.jobs.board.MemoryRegion;
import dev.edgeforge.jobs.board.RunPower;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.estimate.KernelCosts;
import dev.edgeforge.jobs.estimate.NetworkWorkload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The estimator's arithmetic on real models; how close it comes to real builds and QEMU measurements is checked by
 * {@code DeployJobHandlerIT} against the build it makes.
 */
class DeploymentEstimatorTest {

    private final DeploymentEstimator estimator = new DeploymentEstimator();
    private final BoardCatalogue boards = BoardCatalogue.standard();
    private final ModelGraph kws = MlperfTiny.graph(MlperfTiny.byShortName().get("kws"));

    @Test
    void workloadSplitsMacsByKernelKindFromModelStats() {
        NetworkWorkload workload = NetworkWorkload.of(kws);
        ModelStats stats = ModelStats.of(kws);
        assertThat(workload.convMacs() + workload.fullyConnectedMacs() + workload.depthwiseMacs())
                .isEqualTo(stats.macs());
        assertThat(workload.fullyConnectedMacs()).isEqualTo(64 * 12);
        assertThat(workload.softmaxElements()).isEqualTo(12);
        assertThat(workload.depthwiseMacs()).isEqualTo(4L * 25 * 5 * 64 * 3 * 3); // four 3x3 depthwise layers
        assertThat(workload.requantChannels()).isEqualTo(5 * 64 + 4 * 64 + 12);
        assertThat(workload.inputBytes()).isEqualTo(490);
        assertThat(workload.stats().arenaBytes()).isEqualTo(16_000);
        // The generated library's arena: the depthwise layers run in place, with their scratch.
        assertThat(workload.arenaBytes())
                .isEqualTo(workload.plan().arena().arenaBytes())
                .isLessThan(16_000);
        assertThat(DeploymentEstimator.networkInstructions(workload)).isEqualTo(KernelCosts.network(workload.plan()));
    }

    @Test
    void instructionModelIsWithinThreePercentOfTheMeasuredMlperfModels() {
        // Instructions per inference the Cortex-M kernels measure in QEMU (MlperfGoldenQemuIT prints them).
        Map<String, Long> measured =
                Map.of("kws", 3_909_798L, "resnet8", 16_422_503L, "vww", 11_775_179L, "ad", 450_955L);
        measured.forEach((name, instructions) -> {
            NetworkWorkload workload =
                    NetworkWorkload.of(MlperfTiny.graph(MlperfTiny.byShortName().get(name)));
            assertThat((double) DeploymentEstimator.networkInstructions(workload))
                    .as(name)
                    .isCloseTo(instructions, Assertions.within(0.03 * instructions));
        });
    }

    @Test
    void partsAddUpAndLatencyFollowsClockAndCore() {
        List<DeploymentEstimate> all = estimator.estimateAll(kws, Optional.empty(), boards);
        assertThat(all)
                .extracting(DeploymentEstimate::boardId)
                .containsExactlyElementsOf(boards.all().stream().map(Board::id).toList());
        for (DeploymentEstimate estimate : all) {
            DeploymentEstimate.Ram ram = estimate.ram();
            assertThat(ram.totalBytes())
                    .isEqualTo(ram.arenaBytes() + ram.dspBytes() + ram.windowBytes() + ram.runtimeBytes());
            assertThat(ram.dspBytes()).isZero();
            DeploymentEstimate.Flash flash = estimate.flash();
            assertThat(flash.totalBytes())
                    .isEqualTo(flash.weightBytes()
                            + flash.modelCodeBytes()
                            + flash.kernelBytes()
                            + flash.dspBytes()
                            + flash.runtimeBytes());
            assertThat(estimate.fits()).isTrue();
        }
        DeploymentEstimate f446 = byId(all, "nucleo-f446re"); // Cortex-M4F, 180 MHz
        DeploymentEstimate l4r5 = byId(all, "nucleo-l4r5zi"); // Cortex-M4F, 120 MHz
        DeploymentEstimate f746 = byId(all, "stm32f746g-disco"); // Cortex-M7F, 216 MHz
        assertThat(l4r5.latency().networkMillis() / f446.latency().networkMillis())
                .isCloseTo(1.5, Assertions.within(1e-9));
        DeploymentEstimate qemu = byId(all, BoardCatalogue.QEMU_BOARD_ID);
        // The instructions are calibrated on the Cortex-M4F; only the emulated board measures what is estimated.
        assertThat(f446.latency().networkCalibrated()).isTrue();
        assertThat(f446.latency().calibrated()).isFalse();
        assertThat(f446.latency().calibration()).contains("not calibrated on this board");
        assertThat(qemu.latency().calibrated()).isTrue();
        assertThat(qemu.latency().cyclesPerInstruction()).isEqualTo(1.0);
        assertThat(f746.latency().networkCalibrated()).isFalse();
        assertThat(f746.latency().calibrated()).isFalse();
        assertThat(f746.latency().calibration()).contains("never measured on this core");
        assertThat(f746.latency().networkMillis()).isLessThan(f446.latency().networkMillis());
        assertThat(f446.latency().networkMillis()).isEqualTo(f446.latency().networkInstructions() * 2.5 / 180e6 * 1000);
    }

    @Test
    void energyIsTheDatasheetCurrentTimesVoltageTimesCyclesOfSilicon() {
        List<DeploymentEstimate> all = estimator.estimateAll(kws, Optional.empty(), boards);
        for (DeploymentEstimate estimate : all) {
            Board board = boards.byId(estimate.boardId());
            DeploymentEstimate.Energy energy = estimate.energy();
            assertThat(energy.microampsPerMhz()).isEqualTo(board.runPower().microampsPerMhz());
            assertThat(energy.source())
                    .contains("datasheet")
                    .isEqualTo(board.runPower().source());
            assertThat(energy.dspMicrojoules()).isZero();
            assertThat(energy.totalMicrojoules()).isEqualTo(energy.networkMicrojoules());
        }
        DeploymentEstimate f446 = byId(all, "nucleo-f446re");
        DeploymentEstimate.Energy energy = f446.energy();
        // I = µA/MHz × MHz, P = I × V, E = P × t, t = instructions × 2.5 cycles / clock: µA/MHz × V × cycles × 1e-6
        double cycles = f446.latency().networkInstructions() * 2.5;
        assertThat(energy.totalMicrojoules())
                .isCloseTo(
                        energy.microampsPerMhz() * 180 * 1e-6 * energy.supplyVolts() * cycles / 180e6 * 1e6,
                        Assertions.within(1e-6));
        // The emulated board times at one instruction per cycle (its counter), but its energy is the silicon's.
        DeploymentEstimate qemu = byId(all, BoardCatalogue.QEMU_BOARD_ID);
        assertThat(qemu.energy().networkMicrojoules())
                .isCloseTo(238 * 3.3 * qemu.latency().networkInstructions() * 2.5 * 1e-6, Assertions.within(1e-6));
    }

    @Test
    void storedBootInputsAreTheFirmwaresAndOnlySmallOnesCostFlash() {
        assertThat(DeploymentEstimator.STORED_BOOT_INPUT_BYTES).isEqualTo(FirmwareApplication.STORED_BOOT_INPUT_BYTES);
        Board f446 = boards.byId("nucleo-f446re");
        ModelGraph vww = MlperfTiny.graph(MlperfTiny.byShortName().get("vww"));
        DeploymentEstimate small = estimator.estimate(kws, Optional.empty(), f446); // 490-byte input: stored
        DeploymentEstimate large = estimator.estimate(vww, Optional.empty(), f446); // 27,648 bytes: generated
        assertThat(small.flash().runtimeBytes() - large.flash().runtimeBytes()).isEqualTo(490);
    }

    @Test
    void anImpulseAddsItsBuffersTablesAndTime() {
        DeploymentEstimate plain = estimator.estimate(kws, Optional.empty(), boards.byId("nucleo-f446re"));
        DeploymentEstimate withMfcc =
                estimator.estimate(kws, Optional.of(KwsImpulse.impulse()), boards.byId("nucleo-f446re"));
        assertThat(withMfcc.ram().windowBytes()).isEqualTo(16_000 * 2); // one second of audio as int16 counts
        assertThat(withMfcc.ram().dspBytes()).isPositive();
        assertThat(withMfcc.flash().dspBytes()).isGreaterThan(DeploymentEstimator.DSP_CODE_BYTES);
        assertThat(withMfcc.latency().dspMillis()).isPositive();
        assertThat(withMfcc.latency().totalMillis())
                .isEqualTo(
                        withMfcc.latency().networkMillis() + withMfcc.latency().dspMillis());
        assertThat(withMfcc.ram().totalBytes()).isGreaterThan(plain.ram().totalBytes() + 32_000);
    }

    @Test
    void aModelLargerThanTheBoardDoesNotFit() {
        ModelGraph vww = MlperfTiny.graph(MlperfTiny.byShortName().get("vww"));
        Board tiny = new Board(
                "tiny-board",
                "Tiny",
                "X",
                CpuCore.CORTEX_M4F,
                48_000_000L,
                MemoryRegion.kib(0x0800_0000L, 128),
                MemoryRegion.kib(0x2000_0000L, 32),
                "USART1",
                CounterKind.CYCLES,
                List.of("st-flash"),
                Optional.empty(),
                new RunPower(100, 3.3, "test"));
        DeploymentEstimate estimate = estimator.estimate(vww, Optional.empty(), tiny);
        assertThat(estimate.fits()).isFalse();
        assertThat(estimate.flash().totalBytes()).isGreaterThan(estimate.flash().capacityBytes());
    }

    @Test
    void aFloatModelIsRefusedWithTheReason() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("x", DataType.FLOAT32, new int[] {1, 2});
        int w = b.addFloatConstant("w", new int[] {1, 2}, new float[] {1, 2});
        int out = b.addTensor("y", DataType.FLOAT32, new int[] {1, 1});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, -1}, new int[] {out
                });
        ModelGraph floatModel = b.setInputs(in).setOutputs(out).build();
        assertThatThrownBy(() -> estimator.estimate(floatModel, Optional.empty(), boards.byId("nucleo-f446re")))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("int8");
    }

    private static DeploymentEstimate byId(List<DeploymentEstimate> all, String id) {
        return all.stream()
                .filter(estimate -> estimate.boardId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
