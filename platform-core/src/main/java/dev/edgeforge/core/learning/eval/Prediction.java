package dev.edgeforge.core.learning.eval;

/**
 * Turns class probabilities into a predicted class, with the "uncertain" rule of the model testing page: when the
 * highest probability is below the threshold, the prediction is {@link #UNCERTAIN}.
 */
public final class Prediction {

    /** The predicted class id of a sample whose best probability is below the uncertain threshold. */
    public static final int UNCERTAIN = -1;

    private Prediction() {}

    /**
     * The class with the highest probability (the first on ties), or {@link #UNCERTAIN} when that probability is
     * below {@code uncertainThreshold} (0 never gives uncertain).
     */
    public static int classify(float[] probabilities, double uncertainThreshold) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("no probabilities to classify");
        }
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
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
