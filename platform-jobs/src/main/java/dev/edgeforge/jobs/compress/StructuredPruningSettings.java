package dev.edgeforge.jobs.compress;

import java.util.ArrayList;
import java.util.List;

/**
 * Structured pruning as a compress job asks for it.
 *
 * @param fraction the share of units (dense) and filters (convolutions) each prunable layer loses, above 0 and below
 *                 1 (e.g. 0.5)
 */
public record StructuredPruningSettings(double fraction) {

    /** What is out of range; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(fraction > 0 && fraction < 1)) {
            problems.add("structuredPruning.fraction must be above 0 and below 1, got " + fraction);
        }
        return problems;
    }
}
