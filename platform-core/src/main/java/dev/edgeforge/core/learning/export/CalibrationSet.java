package dev.edgeforge.core.learning.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Picks the representative windows that post-training quantization measures activation ranges on: a seeded random
 * subset of the training samples (never validation or test samples, whose accuracy the quantized model is judged by),
 * optionally the same number from every class so that rare classes' ranges are seen too.
 */
public final class CalibrationSet {

    /**
     * Windows used unless the caller says otherwise: a bounded sample of the whole training set, enough for the rare
     * values of every feature and class to reach the histogram the MSE and percentile ranges are read from (300, the
     * earlier size, missed the tails that decide them).
     */
    public static final int DEFAULT_SIZE = 1000;

    private CalibrationSet() {}

    /**
     * Up to {@code maxCount} rows of {@code features}, chosen at random (seeded) among {@code candidates}; all
     * candidates when there are fewer. The rows are returned as they are (not copied).
     */
    public static List<float[]> select(float[][] features, int[] candidates, int maxCount, long seed) {
        check(features, candidates, maxCount);
        int[] order = shuffled(candidates, seed);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(maxCount, order.length); i++) {
            rows.add(features[order[i]]);
        }
        return rows;
    }

    /**
     * Up to {@code maxCount} rows chosen among {@code candidates} class by class in turn (seeded random order within
     * each class), so every class contributes about {@code maxCount / classes} rows when it has them.
     *
     * @param labels class id of every row of {@code features}
     */
    public static List<float[]> selectStratified(
            float[][] features, int[] labels, int[] candidates, int maxCount, long seed) {
        check(features, candidates, maxCount);
        if (labels.length != features.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        int classes = 0;
        for (int candidate : candidates) {
            classes = Math.max(classes, labels[candidate] + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int candidate : shuffled(candidates, seed)) {
            if (labels[candidate] < 0) {
                throw new IllegalArgumentException(
                        "row " + candidate + " has the negative class id " + labels[candidate]);
            }
            byClass.get(labels[candidate]).add(candidate);
        }
        List<float[]> rows = new ArrayList<>();
        int limit = Math.min(maxCount, candidates.length);
        for (int round = 0; rows.size() < limit; round++) {
            for (int c = 0; c < classes && rows.size() < limit; c++) {
                if (round < byClass.get(c).size()) {
                    rows.add(features[byClass.get(c).get(round)]);
                }
            }
        }
        return rows;
    }

    private static int[] shuffled(int[] candidates, long seed) {
        int[] order = candidates.clone();
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void check(float[][] features, int[] candidates, int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("the calibration set needs at least 1 window, asked for " + maxCount);
        }
        if (candidates.length == 0) {
            throw new IllegalArgumentException("there are no candidate windows to calibrate with");
        }
        for (int candidate : candidates) {
            if (candidate < 0 || candidate >= features.length) {
                throw new IllegalArgumentException(
                        "candidate row " + candidate + " is outside the " + features.length + " feature rows");
            }
        }
    }
}
