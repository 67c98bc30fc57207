package dev.edgeforge.training.realdata;

import java.util.List;

/**
 * A train/test split of a real dataset.
 *
 * @param name  says how it was split, e.g. {@code uwave/last-196}
 * @param train the samples a model may learn from (its validation split is taken from these)
 * @param test  the samples it is measured on
 */
public record RealSplit(String name, List<RealSample> train, List<RealSample> test) {

    public RealSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("split " + name + " has " + train.size() + " training and " + test.size()
                    + " test samples; both need some");
        }
    }
}
