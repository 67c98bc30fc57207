package dev.edgeforge.jobs.compress;

import java.util.ArrayList;
import java.util.List;

/**
 * Magnitude pruning as a compress job asks for it.
 *
 * @param targetSparsity the share of weights that end up zero, above 0 and below 1 (e.g. 0.7)
 */
public record MagnitudePruningSettings(double targetSparsity) {

    /** What is out of range; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(targetSparsity > 0 && targetSparsity < 1)) {
            problems.add("magnitudePruning.targetSparsity must be above 0 and below 1, got " + targetSparsity);
        }
        return problems;
    }
}
