package dev.edgeforge.jobs.estimate;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkPlan;
import dev.edgeforge.core.dsp.CostEstimate;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.CounterKind;
import dev.edgeforge.jobs.board.CpuCore;
import dev.edgeforge.jobs.board.RunPower;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Estimates RAM, flash and latency of a {@code firmware} image (the {@code c-library} bundle links the same image to
 * measure itself) before it is built. The numbers are a model, fitted to real builds; the deployment's memory report
 * and the instruction counts QEMU measures are the truth once a build exists.
 *
 * <h2>RAM</h2>
 * {@code arena + DSP buffers + raw window buffer + runtime}. The arena is the memory plan's (ModelStats on the int8
 * network); the DSP buffers are the processing block's {@link CostEstimate#ramBytes()} (working buffers and its
 * float32 output; the image block writes its output directly as the network's int8 input tensor, inside the arena,
 * so it adds nothing, issue #20); the raw window buffer is one window as the firmware receives it (float32 per
 * value; for an image the camera frame in its pixel format, {@link ImpulseDsp#windowBytes()}); the runtime is
 * {@value #RUNTIME_RAM_BYTES} bytes (8 KiB stack, the 256-byte serial receive ring,
 * board state) plus {@value #DSP_RUNTIME_RAM_BYTES} bytes of C library data when the DSP code links libm. On the
 * four MLPerf Tiny models and the keyword-spotting model behind its MFCC block this equals the linked image's RAM to
 * within a few bytes.
 *
 * <h2>Flash</h2>
 * {@code constants + }{@value #MODEL_CODE_PER_CHANNEL}{@code  × requantized channels + }{@value
 * #MODEL_CODE_PER_OPERATOR}{@code  × operators + kernels + DSP + runtime}: the model's constant tensors (the packed
 * kernels re-lay them, with the input offset folded into the biases); a multiplier, a rounding constant and a shift
 * per output channel of every weighted operator and about {@value #MODEL_CODE_PER_OPERATOR} bytes of call and
 * parameters per operator (the generated {@code model.c}); one kernel per operator type ({@link #kernelBytes}); for
 * an impulse the block's {@link CostEstimate#romBytes()} tables plus {@value #DSP_CODE_BYTES} bytes of DSP code (FFT,
 * logf, the block); and {@value #RUNTIME_FLASH_BYTES} bytes of startup, vector table, UART, line protocol, stack
 * painting and C library, plus the firmware's built-in test input: with an impulse the raw test window it stores
 * whole (a deployment with test samples has one; without, the estimate is that window high), else the int8 input
 * when it stores one (up to {@value #STORED_BOOT_INPUT_BYTES} bytes; larger ones are generated at boot). Sizes are
 * from the map files of arm-none-eabi-gcc 12.2 builds for Cortex-M4F; within 3% of the linked images of the MLPerf
 * Tiny models.
 *
 * <h2>Latency</h2>
 * Network instructions: {@link KernelCosts}, operator by operator on the kernels the generator picks
 * ({@link NetworkPlan}), calibrated per operator kind against the instructions per inference the Cortex-M kernels
 * measure on the emulated STM32F405 (QEMU {@code -icount shift=0}, TIM2; see {@code QemuVerifier}): within
 * {@value KernelCosts#TOLERANCE_PERCENT} % on the MLPerf Tiny models (AD 0.451 M, KWS 3.91 M, ResNet-8 16.42 M, VWW
 * 11.78 M instructions) and on networks trained on the real recordings of {@code shared/datasets}
 * ({@code EstimatorCalibrationIT}).
 *
 * <p>Time {@code = instructions × cycles per instruction / clock + DSP time}. On the emulated board, whose counter
 * counts instructions, one cycle per instruction: what the deployment checklist measures, so there the estimate is
 * {@link DeploymentEstimate.Latency#calibrated() calibrated} when the network's kinds are and there is no DSP block.
 * Real boards: Cortex-M4F {@value #CORTEX_M4F_CYCLES_PER_INSTRUCTION}, from published MLPerf Tiny v0.5 results of
 * TFLite Micro + CMSIS-NN on the NUCLEO-L4R5ZI (Cortex-M4F at 120 MHz, weights read from flash with wait states):
 * their cycles per inference divided by the QEMU instruction counts of TFLite Micro + CMSIS-NN for the same models
 * ({@code shared/models/mlperf-tiny/README.md}) give 2.1 (AD) to 3.0 (VWW); expect real boards within a factor of 1.5,
 * so their time is never called calibrated (their network instructions are, on the Cortex-M4F). Cortex-M7F
 * {@value #CORTEX_M7F_CYCLES_PER_INSTRUCTION} is an assumption (dual issue, caches), and its instructions were never
 * measured. The DSP block's time is its C twin's instructions per window ({@link DspCosts}, fitted to QEMU counts:
 * within 1.5 % at default settings) at the same cycles per instruction, calibrated on the Cortex-M4F like the
 * network's; the image block, not modelled yet, keeps its operation count
 * ({@link CostEstimate#millisecondsPerWindow}) and is never called calibrated.
 *
 * <h2>Energy</h2>
 * The board's {@link dev.edgeforge.jobs.board.RunPower}: the MCU's datasheet Run-mode current per MHz × supply
 * voltage × cycles ({@code instructions × the core's cycles per instruction} for the network, also on the emulated
 * board; the DSP block's time × clock).
 *
 * <p>How to extend: a new {@link CpuCore} needs its cycles per instruction in {@link #coreCyclesPerInstruction}; a
 * new board its {@link dev.edgeforge.jobs.board.RunPower} from the MCU's datasheet; a new kernel its size in
 * {@link #kernelBytes} (measure it in a build's memory report, {@code flashByFile}), its instructions in
 * {@link KernelCosts} and a network that uses it in the calibration set.
 */
public final class DeploymentEstimator {

    public static final double CORTEX_M4F_CYCLES_PER_INSTRUCTION = 2.5;
    public static final double CORTEX_M7F_CYCLES_PER_INSTRUCTION = 1.5;

    /** The model in a paragraph, for people reading an estimate. */
    public static final String METHOD = String.format(
            Locale.ROOT,
            "RAM: activation arena + DSP buffers + raw window + runtime. Flash: weights + compiled model code + "
                    + "kernels + DSP tables and code + runtime (sizes measured from arm-none-eabi-gcc builds). "
                    + "Latency: DSP block and network apart. Network instructions operator by operator on the "
                    + "kernels the generator picks, calibrated per operator kind against QEMU's instruction counts "
                    + "(within ±%d%% on the MLPerf Tiny models and networks trained on real gestures and spoken "
                    + "digits), times the core's cycles per instruction (1 on the emulated board, as its checklist "
                    + "counts; Cortex-M4F %.1f from MLPerf Tiny results, Cortex-M7F %.1f assumed: real boards within a "
                    + "factor of 1.5) divided by the clock, plus the DSP block's instructions per window (its C "
                    + "twin's loops, fitted to QEMU counts within 15%% at default settings) at the same rate. Energy: "
                    + "the MCU's "
                    + "datasheet Run-mode current per MHz × supply voltage × cycles.",
            KernelCosts.TOLERANCE_PERCENT,
            CORTEX_M4F_CYCLES_PER_INSTRUCTION,
            CORTEX_M7F_CYCLES_PER_INSTRUCTION);

    public static final long RUNTIME_RAM_BYTES = 8_192 + 264;
    public static final long DSP_RUNTIME_RAM_BYTES = 112;
    // Remeasured on 2026-12-08 (AnomalyEstimatorIT's linked images) after the runtime gained the flash-batch command,
    // the boot counter check and arena reporting (+845 B), and the DSP code the fused FFT stages and window readers
    // (+510 B).
    public static final long RUNTIME_FLASH_BYTES = 3_945;
    static final long MODEL_CODE_PER_OPERATOR = 100;
    static final long MODEL_CODE_PER_CHANNEL = 10;
    public static final long DSP_CODE_BYTES = 3_210;
    /** A kernel whose size was never measured (a new operator) counts as this. */
    static final long UNMEASURED_KERNEL_BYTES = 1_500;
    /**
     * The largest int8 boot input a firmware image stores; larger ones it generates at boot and costs no flash. The
     * firmware builder's {@code FirmwareApplication.STORED_BOOT_INPUT_BYTES} decides it (its
     * {@code DeploymentEstimatorTest} holds the two equal).
     */
    public static final int STORED_BOOT_INPUT_BYTES = 1_024;

    /** One estimate per board of the catalogue, in catalogue order. */
    public List<DeploymentEstimate> estimateAll(ModelGraph model, Optional<Impulse> impulse, BoardCatalogue boards) {
        NetworkWorkload network = NetworkWorkload.of(model);
        Optional<DspWorkload> dsp = impulse.map(DspWorkload::of);
        return boards.all().stream().map(board -> estimate(network, dsp, board)).toList();
    }

    /**
     * @throws dev.edgeforge.core.device.UnsupportedModelException when the model (or its impulse) cannot be
     *     compiled
     */
    public DeploymentEstimate estimate(ModelGraph model, Optional<Impulse> impulse, Board board) {
        return estimate(NetworkWorkload.of(model), impulse.map(DspWorkload::of), board);
    }

    DeploymentEstimate estimate(NetworkWorkload network, Optional<DspWorkload> dsp, Board board) {
        long dspRam = dsp.map(d -> d.cost().ramBytes()).orElse(0L);
        long windowRam = dsp.map(DspWorkload::windowBytes).orElse(0L);
        long runtimeRam = RUNTIME_RAM_BYTES + (dsp.isPresent() ? DSP_RUNTIME_RAM_BYTES : 0);
        long arena = network.arenaBytes();
        DeploymentEstimate.Ram ram = new DeploymentEstimate.Ram(
                arena + dspRam + windowRam + runtimeRam,
                board.ram().sizeBytes(),
                arena,
                network.stats().activationLowerBound(),
                dspRam,
                windowRam,
                runtimeRam);

        long modelCode = MODEL_CODE_PER_CHANNEL * network.requantChannels()
                + MODEL_CODE_PER_OPERATOR * network.stats().operators().size();
        long kernels = network.operatorTypes().stream()
                .mapToLong(DeploymentEstimator::kernelBytes)
                .sum();
        long dspFlash = dsp.map(d -> d.cost().romBytes() + DSP_CODE_BYTES).orElse(0L);
        // With an impulse a deployment's firmware stores a raw test window (any size) for its boot self-test, in the
        // window's native type; without one, its int8 input up to STORED_BOOT_INPUT_BYTES.
        long storedInput = dsp.isPresent()
                ? dsp.get().windowBytes()
                : network.inputBytes() <= STORED_BOOT_INPUT_BYTES ? network.inputBytes() : 0;
        long runtimeFlash = RUNTIME_FLASH_BYTES + storedInput;
        DeploymentEstimate.Flash flash = new DeploymentEstimate.Flash(
                network.constantBytes() + modelCode + kernels + dspFlash + runtimeFlash,
                board.flash().sizeBytes(),
                network.constantBytes(),
                modelCode,
                kernels,
                dspFlash,
                runtimeFlash);

        long instructions = networkInstructions(network);
        double cpi = cyclesPerInstruction(board);
        double networkMillis = instructions * cpi / board.clockHz() * 1000.0;
        double dspMillis =
                dsp.map(d -> d.millisecondsPerWindow(cpi, board.clockHz())).orElse(0.0);
        boolean networkCalibrated = board.core() == CpuCore.CORTEX_M4F && KernelCosts.calibrated(network.plan());
        // The DSP block's instructions are calibrated like the network's (DspCosts, on the Cortex-M4F); the image
        // block has no instruction model yet.
        boolean dspCalibrated =
                dsp.isEmpty() || (dsp.get().instructions().isPresent() && board.core() == CpuCore.CORTEX_M4F);
        DeploymentEstimate.Latency latency = new DeploymentEstimate.Latency(
                networkMillis + dspMillis,
                networkMillis,
                dspMillis,
                instructions,
                cpi,
                board.clockHz(),
                networkCalibrated && dspCalibrated && board.counter() == CounterKind.INSTRUCTIONS,
                networkCalibrated,
                calibration(board, networkCalibrated, dsp));
        // Energy is the silicon's: the core's cycles per instruction even on the emulated board, whose time follows
        // its instruction counter.
        RunPower power = board.runPower();
        double networkMicrojoules = power.microjoules(instructions * coreCyclesPerInstruction(board.core()));
        double dspMicrojoules = power.microjoules(dspMillis * board.clockHz() / 1000.0);
        DeploymentEstimate.Energy energy = new DeploymentEstimate.Energy(
                networkMicrojoules + dspMicrojoules,
                networkMicrojoules,
                dspMicrojoules,
                power.microampsPerMhz(),
                power.supplyVolts(),
                power.source());
        return new DeploymentEstimate(board.id(), board.name(), ram, flash, latency, energy);
    }

    /** What the latency of this board rests on, in words. */
    static String calibration(Board board, boolean networkCalibrated, Optional<DspWorkload> dsp) {
        String instructions = networkCalibrated
                ? String.format(
                        Locale.ROOT,
                        "network instructions calibrated per operator kind on QEMU counts (emulated STM32F405,"
                                + " Cortex-M4 kernels; within ±%d %% on the MLPerf Tiny models and networks trained"
                                + " on real gestures and spoken digits)",
                        KernelCosts.TOLERANCE_PERCENT)
                : board.core() == CpuCore.CORTEX_M4F
                        ? "network instructions not calibrated: the network has an operator or kernel the"
                                + " calibration did not measure"
                        : "network instructions not calibrated for "
                                + board.core().displayName()
                                + ": counted with the Cortex-M4 calibration, never measured on this core";
        String time = board.counter() == CounterKind.INSTRUCTIONS
                ? "time at one instruction per cycle, as this emulated board's counter and the checklist count it"
                : String.format(
                        Locale.ROOT,
                        "time not calibrated on this board: %.1f cycles per instruction %s (expect within a"
                                + " factor of 1.5)",
                        coreCyclesPerInstruction(board.core()),
                        board.core() == CpuCore.CORTEX_M4F
                                ? "from published MLPerf Tiny results on a Cortex-M4F"
                                : "assumed");
        String dspBasis = dsp.isEmpty()
                ? "no DSP block"
                : dsp.get().instructions().isEmpty()
                        ? "DSP block: operation count, not calibrated (no instruction model for it yet)"
                        : board.core() == CpuCore.CORTEX_M4F
                                ? "DSP block: its C twin's instructions per window, calibrated on QEMU counts"
                                : "DSP block: instructions counted with the Cortex-M4 calibration, never measured on"
                                        + " this core";
        return instructions + "; " + time + "; " + dspBasis;
    }

    /** Instructions of one network inference under the model in the class comment. */
    public static long networkInstructions(NetworkWorkload network) {
        return KernelCosts.network(network.plan());
    }

    /** 1 on a board whose counter counts instructions (QEMU), else the core's average. */
    public static double cyclesPerInstruction(Board board) {
        return board.counter() == CounterKind.INSTRUCTIONS ? 1.0 : coreCyclesPerInstruction(board.core());
    }

    /** The core's average cycles per instruction on real silicon (see the class comment). */
    static double coreCyclesPerInstruction(CpuCore core) {
        return switch (core) {
            case CORTEX_M4F -> CORTEX_M4F_CYCLES_PER_INSTRUCTION;
            case CORTEX_M7F -> CORTEX_M7F_CYCLES_PER_INSTRUCTION;
        };
    }

    /**
     * Flash of one kernel (Cortex-M variant, arm-none-eabi-gcc 12.2, from the map files of real builds): the packed
     * kernels for the weighted operators.
     */
    static long kernelBytes(OpType type) {
        return switch (type) {
            case CONV_2D -> 2_776;
            case DEPTHWISE_CONV_2D -> 2_180;
            case FULLY_CONNECTED -> 1_648;
            case SOFTMAX -> 1_452;
            case AVERAGE_POOL_2D -> 796;
            case MAX_POOL_2D -> 656;
            case ADD -> 1_040;
            case RESHAPE -> 0; // a copy through the runtime's memcpy, counted in the runtime
            default -> UNMEASURED_KERNEL_BYTES;
        };
    }

    /**
     * The DSP side of an impulse as the firmware runs it.
     *
     * @param cost         the processing block's cost per window
     * @param windowBytes  one raw window as the firmware stores it
     * @param instructions the C twin's instructions per window ({@link DspCosts}); empty where not modelled
     */
    record DspWorkload(CostEstimate cost, long windowBytes, OptionalLong instructions) {

        /** Instructions at the core's cycles per instruction, as the network's; else the block's operation model. */
        double millisecondsPerWindow(double cyclesPerInstruction, double clockHz) {
            return instructions.isPresent()
                    ? instructions.getAsLong() * cyclesPerInstruction / clockHz * 1000.0
                    : cost.millisecondsPerWindow(clockHz);
        }

        static DspWorkload of(Impulse impulse) {
            ImpulseDsp dsp = ImpulseDsp.of(impulse);
            ProcessingBlock block = dsp.processing();
            CostEstimate cost = block.createBlock().estimateCost(impulse.signalShapeFor(block));
            if (dsp.image()) {
                // the image block writes the network's int8 input tensor, which the arena already holds (issue #20)
                cost = new CostEstimate(
                        Math.max(0, cost.ramBytes() - dsp.featureCount()), cost.romBytes(), cost.operations());
            }
            return new DspWorkload(cost, dsp.windowBytes(), DspCosts.instructions(dsp));
        }
    }
}
