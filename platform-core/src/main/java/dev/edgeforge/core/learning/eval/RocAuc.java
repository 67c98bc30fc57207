package dev.edgeforge.core.learning.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Area under the ROC curve of a score that should be higher for positives (e.g. an anomaly score, or a class
 * probability one-vs-rest): the probability that a random positive scores above a random negative, ties counting
 * one half (the Mann–Whitney U statistic divided by {@code positives * negatives}).
 */
public final class RocAuc {

    private RocAuc() {}

    /**
     * The AUC of {@code scores} for the labels {@code positive}.
     *
     * @throws IllegalArgumentException when lengths differ, a score is NaN, or there is no positive or no negative
     */
    public static double of(double[] scores, boolean[] positive) {
        check(scores, positive);
        Integer[] order = sortedByScore(scores);
        long positives = countPositives(positive);
        long negatives = scores.length - positives;
        // Sum of the positives' ranks (1-based, ties get their average rank).
        double positiveRankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    private static long countPositives(boolean[] positive) {
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        return positives;
    }

    /** Whether the AUC is defined: at least one positive and one negative. */
    public static boolean isDefined(boolean[] positive) {
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (boolean p : positive) {
            anyPositive |= p;
            anyNegative |= !p;
        }
        return anyPositive && anyNegative;
    }

    /**
     * The ROC curve: one point per distinct score used as threshold ({@code score >= threshold} is positive), from
     * the highest threshold down, starting at (0, 0).
     */
    public static List<RocPoint> curve(double[] scores, boolean[] positive) {
        check(scores, positive);
        Integer[] order = sortedByScore(scores);
        long positives = countPositives(positive);
        long negatives = scores.length - positives;
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        long truePositives = 0;
        long falsePositives = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            if (positive[order[i]]) {
                truePositives++;
            } else {
                falsePositives++;
            }
            if (i == 0 || scores[order[i - 1]] != scores[order[i]]) {
                points.add(new RocPoint(
                        scores[order[i]], (double) falsePositives / negatives, (double) truePositives / positives));
            }
        }
        return points;
    }

    /**
     * One point of a ROC curve.
     *
     * @param threshold         samples scoring at least this are called positive
     * @param falsePositiveRate negatives called positive / negatives
     * @param truePositiveRate  positives called positive / positives
     */
    public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}

    private static Integer[] sortedByScore(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    private static void check(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        if (!isDefined(positive)) {
            throw new IllegalArgumentException("the AUC needs at least one positive and one negative sample");
        }
    }
}
