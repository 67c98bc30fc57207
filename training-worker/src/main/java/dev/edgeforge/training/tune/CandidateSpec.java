package dev.edgeforge.training.tune;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.suggest.FeatureInput;
import dev.edgeforge.core.learning.LearningBlock;

/**
 * One point of the search space: an impulse (input and processing block, the learning block included as its
 * {@code learningBlocks[0]}), the learning block, and the learning rate to train it with.
 *
 * @param id           {@code c01}, {@code c02}, … in the order drawn
 * @param description  one line saying what it is
 * @param impulse      the impulse (numbered 1; not saved: {@code apply} gives it the project's next version)
 * @param network      the learning block
 * @param learningRate Adam's learning rate
 * @param input        what the network reads per window
 */
public record CandidateSpec(
        String id,
        String description,
        Impulse impulse,
        LearningBlock network,
        double learningRate,
        FeatureInput input) {

    /** The impulse without its learning block: two candidates with the same key share their features. */
    public String featureKey() {
        return new Impulse(0, impulse.input(), impulse.processingBlocks(), null).toString();
    }
}
