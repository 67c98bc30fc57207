package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.core.dsp.CostEstimate;
import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * What each processing block of an impulse costs per window on a target, from the blocks' own
 * {@link CostEstimate}s (see there for the model and its accuracy).
 *
 * <p>The total RAM assumes the blocks run one after the other on one window: every block's output stays (the
 * features are concatenated) while working buffers are reused, so it is the sum of the outputs plus the largest
 * working buffer, plus the raw window buffer the device receives each window into (float32 per value of every axis a
 * block reads, or one byte per RGB value of an image; 64,000 B for one second of 16 kHz audio), which the firmware
 * holds too.
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
            int featureCount) {}

    static CostReport estimate(Impulse impulse, CostTarget target, Integer impulseVersion) {
        List<BlockCost> blocks = new ArrayList<>();
        boolean inputValid = impulse.input() != null && impulse.input().check().isEmpty();
        long outputs = 0;
        long largestScratch = 0;
        long window = 0;
        long rom = 0;
        double ms = 0;
        int features = 0;
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
            double blockMs = cost.millisecondsPerWindow(target.clockHz());
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
            long outputBytes = 4L * output.length();
            window = Math.max(window, rawWindowBytes(impulse, shape));
            outputs += outputBytes;
            largestScratch = Math.max(largestScratch, Math.max(0, cost.ramBytes() - outputBytes));
            rom += cost.romBytes();
            ms += blockMs;
            features += output.length();
        }
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
                features);
    }

    /** The raw window as the device stores it for a block reading {@code shape}: as {@code ImpulseDsp} sizes it. */
    private static long rawWindowBytes(Impulse impulse, SignalShape shape) {
        if (impulse.input() instanceof ImageInput image) {
            return 3L * image.width() * image.height();
        }
        return 4L * shape.axisCount() * shape.sampleCount();
    }

    private static BlockCost invalid(ProcessingBlock block, DspBlock dsp, List<FieldProblem> errors) {
        return new BlockCost(block.id(), block.name(), dsp.type(), null, null, null, null, null, errors);
    }
}
