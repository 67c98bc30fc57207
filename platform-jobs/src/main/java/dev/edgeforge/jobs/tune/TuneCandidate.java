package dev.edgeforge.jobs.tune;

import dev.edgeforge.core.learning.LearningBlock;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One candidate the search trained: an impulse (input block and processing block) with a learning block, how well it
 * did on the validation split after its last rung of training, and what it costs on the board.
 *
 * @param id                 stable within the job ({@code c01}, {@code c02}, … in the order the search drew them)
 * @param description        one line: window, DSP block and network
 * @param impulse            the impulse it stands for, its learning block included ({@code ImpulseJson}; its version
 *                           number means nothing); {@code apply} saves it as the project's next version
 * @param learningBlock      the learning block (also in {@code impulse})
 * @param learningRate       the learning rate it was trained with
 * @param epochs             the epochs it was trained for (its last rung)
 * @param rung               the last successive-halving rung it reached, from 0
 * @param featureShape       one window's features, as the network reads them
 * @param validationAccuracy int8 top-1 accuracy on the validation split's windows (samples held out of the training
 *                           split, never the test set)
 * @param latencyMs          estimated DSP plus network time per window on the board
 * @param ramBytes           estimated RAM: arena + DSP buffers + raw window + runtime (stack included)
 * @param flashBytes         estimated flash: weights + model code + kernels + DSP + runtime
 * @param measured           whether the costs were measured by running the firmware in QEMU (else estimated)
 * @param fitsBudget         whether the costs are within every limit
 * @param exceeds            the limits it exceeds ({@code latency}, {@code ram}, {@code flash})
 * @param parameters         the int8 network's parameter count
 * @param measurement        what QEMU measured, when {@code measured}
 * @param estimate           the estimator's costs, kept beside the measured ones when {@code measured}
 */
public record TuneCandidate(
        String id,
        String description,
        JsonNode impulse,
        LearningBlock learningBlock,
        double learningRate,
        int epochs,
        int rung,
        List<Integer> featureShape,
        double validationAccuracy,
        double latencyMs,
        long ramBytes,
        long flashBytes,
        boolean measured,
        boolean fitsBudget,
        List<String> exceeds,
        long parameters,
        TuneMeasurement measurement,
        Estimate estimate) {

    /** The estimator's costs of a candidate. */
    public record Estimate(double latencyMs, long ramBytes, long flashBytes) {}

    public TuneCandidate {
        exceeds = exceeds == null ? List.of() : List.copyOf(exceeds);
        featureShape = featureShape == null ? List.of() : List.copyOf(featureShape);
    }

    /**
     * This candidate with its measured costs in place of the estimate ({@code measured} true), its fit to
     * {@code limits} checked again on them.
     */
    public TuneCandidate measuredAs(TuneMeasurement m, TuneLimits limits) {
        List<String> over = limits.exceeded(m.latencyMs(), m.ramBytes(), m.flashBytes());
        Estimate estimated = estimate != null ? estimate : new Estimate(latencyMs, ramBytes, flashBytes);
        return new TuneCandidate(
                id,
                description,
                impulse,
                learningBlock,
                learningRate,
                epochs,
                rung,
                featureShape,
                validationAccuracy,
                m.latencyMs(),
                m.ramBytes(),
                m.flashBytes(),
                true,
                over.isEmpty(),
                over,
                parameters,
                m,
                estimated);
    }
}
