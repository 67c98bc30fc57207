package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.core.dsp.CostEstimate;
import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.learning.NetworkFootprint;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.estimate.DspCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each processing block of an impulse costs per window on a target, from the blocks' own
 * {@link CostEstimate}s (see there for the model and its accuracy), and whether the impulse with its learning block
 * can fit the target at all.
 *
 * <p>The total RAM assumes the blocks run one after the other on one window: every block's output stays (the
 * features are concatenated) while working buffers are reused, so it is the sum of the outputs plus the largest
 * working buffer, plus the raw window buffer the device receives each window into (in the samples' native type, int16
 * for audio and float32 for other sensors, per value of every axis a block reads, or the camera frame of an image, as
 * {@link ImpulseDsp#windowBytes()} sizes it; 32,000 B for one second of 16 kHz audio), which the firmware holds too.
 * The image block's output is the network's int8 input tensor (one byte per value, issue #20): it lives in the
 * network's arena, so the device's RAM counts it there, not twice. A time-series block's time per window is its C
 * twin's instructions ({@link DspCosts}) on a Cortex-M4F, as a deployment's estimate counts them.
 *
 * <p>The device's RAM is {@code raw window + DSP buffers + network arena + runtime}, as {@link DeploymentEstimator}
 * counts a built image; before training the arena is {@link NetworkFootprint}'s estimate of the first neural
 * learning block's network (its output head sized for two classes, the fewest; the class count is known only when
 * training starts), and the device's flash counts what is known before training: int8 weights, DSP tables and code,
 * runtime (the compiled model code and kernels come on top). An impulse that cannot fit either is reported in
 * {@code errors}, naming the figures, so the editor says so before anything is trained.
 */
final class ImpulseCosts {

    private ImpulseCosts() {}

    /**
     * The cost of one processing block, or why it cannot be estimated.
     *
     * @param blockId      the block's id in the impulse
     * @param name         the block's name
     * @param type         the DSP block type
     * @param ramBytes     working RAM including the output buffer; null when the block is invalid
     * @param romBytes     constant tables in flash; null when invalid
     * @param operations   floating-point operations per window; null when invalid
     * @param msPerWindow  estimated time per window on the target; null when invalid
     * @param featureShape the block's output shape; null when invalid
     * @param errors       why the block cannot be estimated (its parameter errors); empty otherwise
     */
    record BlockCost(
            int blockId,
            String name,
            String type,
            Long ramBytes,
            Long romBytes,
            Long operations,
            Double msPerWindow,
            List<Integer> featureShape,
            List<FieldProblem> errors) {}

    /**
     * The costs of an impulse's processing blocks on one target.
     *
     * @param target         the board id
     * @param targetName     the board's name
     * @param clockHz        the clock the times are computed for
     * @param impulseVersion the saved version estimated, or null for a draft
     * @param blocks         one entry per processing block, in impulse order
     * @param windowBytes    the raw window buffer (see the class comment); 0 when no block is valid
     * @param totalRamBytes  peak RAM of the blocks together and the raw window buffer (see the class comment); over
     *                       the valid blocks
     * @param totalRomBytes  sum of the constant tables of the valid blocks
     * @param totalMsPerWindow sum of the valid blocks' times per window
     * @param featureCount   features per window of the valid blocks together
     * @param device         the whole device's memory against the target's (see the class comment)
     * @param errors         why the impulse cannot fit the target; empty when it can (as far as known before training)
     */
    record CostReport(
            String target,
            String targetName,
            long clockHz,
            Integer impulseVersion,
            List<BlockCost> blocks,
            long windowBytes,
            long totalRamBytes,
            long totalRomBytes,
            double totalMsPerWindow,
            int featureCount,
            DeviceMemory device,
            List<FieldProblem> errors) {}

    /**
     * The device's memory for this impulse and its learning block on the target (see the class comment).
     *
     * @param ramBytes            raw window + DSP buffers + network arena + runtime
     * @param ramAvailableBytes   the target's RAM
     * @param dspRamBytes         the DSP buffers outside the network's arena (float32 features and working buffers;
     *                            0 for the image block, whose output is the network's int8 input)
     * @param networkArenaBytes   the network's int8 activations (estimated before training); for an impulse whose
     *                            learning block cannot be sized yet, just its int8 input
     * @param runtimeRamBytes     stack, serial buffers and C library data
     * @param flashBytes          int8 weights + DSP tables and code + runtime: a lower bound (see the class comment)
     * @param flashAvailableBytes the target's flash
     * @param networkWeightBytes  the network's int8 weights and int32 biases; null when no neural learning block could
     *                            be sized
     * @param fits                whether RAM and flash both fit
     */
    record DeviceMemory(
            long ramBytes,
            long ramAvailableBytes,
            long dspRamBytes,
            long networkArenaBytes,
            long runtimeRamBytes,
            long flashBytes,
            long flashAvailableBytes,
            Long networkWeightBytes,
            boolean fits) {}

    static CostReport estimate(Impulse impulse, CostTarget target, Integer impulseVersion) {
        List<BlockCost> blocks = new ArrayList<>();
        boolean inputValid = impulse.input() != null && impulse.input().check().isEmpty();
        long outputs = 0;
        long largestScratch = 0;
        long window = 0;
        long rom = 0;
        double ms = 0;
        int features = 0;
        boolean image = impulse.input() instanceof ImageInput;
        for (int i = 0; i < impulse.processingBlocks().size(); i++) {
            ProcessingBlock block = impulse.processingBlocks().get(i);
            String at = "processingBlocks[" + i + "]";
            if (block == null || block.params() == null) {
                continue;
            }
            DspBlock dsp = block.createBlock();
            if (!inputValid) {
                blocks.add(invalid(
                        block,
                        dsp,
                        List.of(new FieldProblem(
                                "input", "the input block is not valid, so the block's input is not known"))));
                continue;
            }
            SignalShape shape = impulse.signalShapeFor(block);
            List<ParameterError> errors = dsp.check(shape);
            if (!errors.isEmpty()) {
                blocks.add(invalid(
                        block,
                        dsp,
                        errors.stream()
                                .map(e -> new FieldProblem(at + "." + e.field(), e.message()))
                                .toList()));
                continue;
            }
            CostEstimate cost = dsp.estimateCost(shape);
            FeatureShape output = dsp.outputShape(shape);
            // time-series blocks: their C twin's instructions (DspCosts, as a deployment's estimate); the image
            // block has no instruction model and keeps its operation count
            double blockMs = image
                    ? cost.millisecondsPerWindow(target.clockHz())
                    : DspCosts.millisecondsPerWindow(dsp, shape, windowSample(impulse), target.clockHz());
            blocks.add(new BlockCost(
                    block.id(),
                    block.name(),
                    dsp.type(),
                    cost.ramBytes(),
                    cost.romBytes(),
                    cost.operations(),
                    blockMs,
                    output.dims(),
                    List.of()));
            long outputBytes = image ? output.length() : 4L * output.length();
            window = Math.max(window, rawWindowBytes(impulse, shape));
            outputs += outputBytes;
            largestScratch = Math.max(largestScratch, Math.max(0, cost.ramBytes() - outputBytes));
            rom += cost.romBytes();
            ms += blockMs;
            features += output.length();
        }
        boolean anyValid = blocks.stream().anyMatch(b -> b.errors().isEmpty());
        Optional<NetworkFootprint> network = LearningBlockSettings.network(impulse);
        // the image block's int8 output is the network's input, in the arena; other blocks' float32 outputs are not
        long dspRam = image ? largestScratch : outputs + largestScratch;
        long arena = network.map(NetworkFootprint::activationBytes).orElse(image ? outputs : 0L);
        long runtimeRam =
                DeploymentEstimator.RUNTIME_RAM_BYTES + (anyValid ? DeploymentEstimator.DSP_RUNTIME_RAM_BYTES : 0);
        long deviceRam = window + dspRam + arena + runtimeRam;
        long deviceFlash = network.map(NetworkFootprint::weightBytes).orElse(0L)
                + rom
                + (anyValid ? DeploymentEstimator.DSP_CODE_BYTES : 0)
                + DeploymentEstimator.RUNTIME_FLASH_BYTES;
        List<FieldProblem> errors = new ArrayList<>();
        if (deviceRam > target.ramBytes()) {
            errors.add(new FieldProblem(
                    "input",
                    String.format(
                            Locale.ROOT,
                            "needs %,d B of RAM on the %s, which has %,d B: raw window %,d B, DSP buffers %,d B, "
                                    + "network activations %,d B (int8), runtime %,d B; %s",
                            deviceRam,
                            target.name(),
                            target.ramBytes(),
                            window,
                            dspRam,
                            arena,
                            runtimeRam,
                            image
                                    ? "make the image smaller (e.g. 96x96 or less) or grayscale, or the network"
                                            + " smaller"
                                    : "make the window shorter or the network smaller")));
        }
        if (deviceFlash > target.flashBytes()) {
            errors.add(new FieldProblem(
                    "learningBlocks",
                    String.format(
                            Locale.ROOT,
                            "needs at least %,d B of flash on the %s, which has %,d B: network weights %,d B (int8); "
                                    + "use a smaller network",
                            deviceFlash,
                            target.name(),
                            target.flashBytes(),
                            network.map(NetworkFootprint::weightBytes).orElse(0L))));
        }
        DeviceMemory device = new DeviceMemory(
                deviceRam,
                target.ramBytes(),
                dspRam,
                arena,
                runtimeRam,
                deviceFlash,
                target.flashBytes(),
                network.map(NetworkFootprint::weightBytes).orElse(null),
                errors.isEmpty());
        return new CostReport(
                target.id(),
                target.name(),
                target.clockHz(),
                impulseVersion,
                blocks,
                window,
                outputs + largestScratch + window,
                rom,
                ms,
                features,
                device,
                List.copyOf(errors));
    }

    /**
     * The raw window as the device stores it for a block reading {@code shape}: as {@link ImpulseDsp} sizes it (for
     * an image, the camera frame in its pixel format).
     */
    private static long rawWindowBytes(Impulse impulse, SignalShape shape) {
        if (impulse.input() instanceof ImageInput input) {
            try {
                return ImpulseDsp.of(impulse).windowBytes();
            } catch (UnsupportedModelException | IllegalArgumentException e) {
                // several processing blocks cannot be compiled; the frame is still an RGB888 image
                return 3L * input.width() * input.height();
            }
        }
        // audio is buffered as int16 counts, other sensors as float32 (core.device.WindowSample)
        long bytesPerValue =
                impulse.input() instanceof AudioInput ? WindowSample.INT16.bytes() : WindowSample.FLOAT32.bytes();
        return bytesPerValue * shape.axisCount() * shape.sampleCount();
    }

    private static WindowSample windowSample(Impulse impulse) {
        return impulse.input() instanceof AudioInput ? WindowSample.INT16 : WindowSample.FLOAT32;
    }

    private static BlockCost invalid(ProcessingBlock block, DspBlock dsp, List<FieldProblem> errors) {
        return new BlockCost(block.id(), block.name(), dsp.type(), null, null, null, null, null, errors);
    }
}
