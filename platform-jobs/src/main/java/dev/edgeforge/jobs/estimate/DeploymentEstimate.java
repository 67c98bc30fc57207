package dev.edgeforge.jobs.estimate;

/**
 * What a deployment of one model is expected to take on one board (see {@link DeploymentEstimator} for the model
 * behind each figure).
 *
 * @param boardId   the board's catalogue id
 * @param boardName what people call it
 * @param ram       statically reserved RAM
 * @param flash     flash used by the image
 * @param latency   time per inference (DSP block and network)
 * @param energy    energy per inference at that time (the MCU's datasheet Run-mode current)
 * @param anomaly   what an anomaly model adds ({@link AnomalyEstimator}), {@code null} for a network; then the model's
 *                  tables are {@link Flash#weightBytes()}, its scorer {@link Flash#modelCodeBytes()}, its feature
 *                  buffer part of {@link Ram#totalBytes()} and its scoring {@link Latency#networkMillis()}
 */
public record DeploymentEstimate(
        String boardId, String boardName, Ram ram, Flash flash, Latency latency, Energy energy, Anomaly anomaly) {

    /** A network's estimate. */
    public DeploymentEstimate(String boardId, String boardName, Ram ram, Flash flash, Latency latency, Energy energy) {
        this(boardId, boardName, ram, flash, latency, energy, null);
    }

    /** Whether the image fits the board's flash and RAM. */
    public boolean fits() {
        return ram.totalBytes() <= ram.capacityBytes() && flash.totalBytes() <= flash.capacityBytes();
    }

    /**
     * RAM reserved at link time.
     *
     * @param totalBytes        the sum of the parts below
     * @param capacityBytes     the board's RAM
     * @param arenaBytes        the activation arena of the memory plan
     * @param arenaLowerBound   the liveness lower bound of the arena
     * @param dspBytes          the DSP block's working and output buffers (0 without an impulse)
     * @param windowBytes       the raw window buffer the firmware receives windows into (0 without an impulse)
     * @param runtimeBytes      stack, serial receive buffer, C library data
     */
    public record Ram(
            long totalBytes,
            long capacityBytes,
            long arenaBytes,
            long arenaLowerBound,
            long dspBytes,
            long windowBytes,
            long runtimeBytes) {}

    /**
     * Flash used by the image.
     *
     * @param totalBytes     the sum of the parts below
     * @param capacityBytes  the board's flash (application area)
     * @param weightBytes    the model's constants (weights, biases; an anomaly model's tables)
     * @param modelCodeBytes the compiled network: operator calls and per-channel requantization parameters (an anomaly
     *                       model's scorer and the math library functions it calls)
     * @param kernelBytes    one kernel per operator type used
     * @param dspBytes       the DSP block's code and constant tables (0 without an impulse)
     * @param runtimeBytes   startup code, vector table, UART, line protocol, C library, the built-in test input
     */
    public record Flash(
            long totalBytes,
            long capacityBytes,
            long weightBytes,
            long modelCodeBytes,
            long kernelBytes,
            long dspBytes,
            long runtimeBytes) {}

    /**
     * Time per inference.
     *
     * @param totalMillis          DSP block plus network
     * @param networkMillis        the network (an anomaly model's scoring)
     * @param dspMillis            the DSP block on one window (0 without an impulse)
     * @param networkInstructions  estimated instructions of one network inference (what the firmware's counter
     *                             measures under QEMU; an anomaly model's scoring of one window)
     * @param cyclesPerInstruction the core's average: 1 on the emulated board (its counter counts instructions, and
     *                             the checklist turns them into time at one per cycle), else an assumption
     * @param clockHz              the board's clock
     * @param calibrated           whether {@code totalMillis} was shown to hold within ±15 % of what is measured on
     *                             this board: the network's instructions are within the calibration (see
     *                             {@code networkCalibrated}), the board measures what the estimate counts
     *                             (instructions under QEMU) and the DSP block's time is calibrated too (or there is
     *                             none)
     * @param networkCalibrated    whether every operator of the network is of a kind and kernel the instruction
     *                             model was calibrated on (within ±15 % of QEMU counts, {@link KernelCosts}) and the
     *                             board's core runs those same kernels as measured (Cortex-M4F)
     * @param calibration          what the figures rest on for this board, in words
     */
    public record Latency(
            double totalMillis,
            double networkMillis,
            double dspMillis,
            long networkInstructions,
            double cyclesPerInstruction,
            long clockHz,
            boolean calibrated,
            boolean networkCalibrated,
            String calibration) {}

    /**
     * Energy of one inference: the MCU's datasheet Run-mode current per MHz at the board's clock × its supply voltage
     * × the estimated time ({@code µA/MHz × V × cycles}). The MCU alone, at the datasheet's typical figure; as good
     * as the latency it multiplies.
     *
     * @param totalMicrojoules   DSP block plus network
     * @param networkMicrojoules the network
     * @param dspMicrojoules     the DSP block (0 without an impulse)
     * @param microampsPerMhz    the datasheet's typical Run-mode current per MHz
     * @param supplyVolts        the voltage it is given at
     * @param source             the datasheet and condition
     */
    public record Energy(
            double totalMicrojoules,
            double networkMicrojoules,
            double dspMicrojoules,
            double microampsPerMhz,
            double supplyVolts,
            String source) {}

    /**
     * An anomaly model's share of the image, beside the parts above.
     *
     * @param model              {@code kmeans} or {@code gmm}
     * @param featureCount       features per window
     * @param components         clusters (K-means) or mixture components (GMM)
     * @param featureBufferBytes RAM: the float32 features the scorer reads (the DSP block's output, or the
     *                           {@code score} command's input without an impulse)
     * @param tableBytes         flash: standardization mean and scale, centres, and a mixture's inverse variances and
     *                           log normalizers, float32 (the same bytes as {@link Flash#weightBytes()})
     */
    public record Anomaly(String model, int featureCount, int components, long featureBufferBytes, long tableBytes) {}
}
