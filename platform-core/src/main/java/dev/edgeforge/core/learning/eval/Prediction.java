package dev.edgeforge.core.learning.eval;

/**
 * Turns class scores into a predicted class: the top-1 class (the highest score, the first on ties) is the
 * prediction every accuracy of the platform counts; a window whose top score is below the "uncertain" threshold is
 * additionally flagged uncertain (the model testing table shows it as {@link #UNCERTAIN}), which never makes a right
 * top-1 answer wrong.
 */
public final class Prediction {

    /** What {@link #classify} answers for a window whose top score is below the uncertain threshold. */
    public static final int UNCERTAIN = -1;

    private Prediction() {}

    /** The class with the highest score (the first on ties). */
    public static int top1(float[] scores) {
        return top1(scores, 0, scores.length);
    }

    /** The top-1 class of {@code scores[offset .. offset + length)} (a batch's outputs laid end to end). */
    public static int top1(float[] scores, int offset, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("no scores to classify");
        }
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (scores[offset + c] > scores[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The top-1 class of int8 outputs (a positive scale keeps their order, so the dequantized top-1 is the same). */
    public static int top1(byte[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores to classify");
        }
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Whether the top score is below {@code uncertainThreshold} (0 never gives uncertain). */
    public static boolean isUncertain(float[] scores, double uncertainThreshold) {
        return scores[top1(scores)] < uncertainThreshold;
    }

    /**
     * The top-1 class, or {@link #UNCERTAIN} when its score is below {@code uncertainThreshold}: what the model
     * testing table shows. Accuracy counts {@link #top1} instead.
     */
    public static int classify(float[] probabilities, double uncertainThreshold) {
        int best = top1(probabilities);
        return probabilities[best] < uncertainThreshold ? UNCERTAIN : best;
    }

    /** {@link #classify} for every sample. */
    public static int[] classifyAll(float[][] probabilities, double uncertainThreshold) {
        int[] predictions = new int[probabilities.length];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = classify(probabilities[i], uncertainThreshold);
        }
        return predictions;
    }
}
