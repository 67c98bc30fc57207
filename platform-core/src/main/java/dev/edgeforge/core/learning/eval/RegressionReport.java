package dev.edgeforge.core.learning.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Regression errors for a set of samples.
 *
 * @param samples   samples evaluated
 * @param mae       mean absolute error over all samples and targets
 * @param rmse      root mean squared error over all samples and targets
 * @param perTarget errors of each target
 */
public record RegressionReport(int samples, double mae, double rmse, List<TargetError> perTarget) {

    /**
     * Errors of one regression target.
     *
     * @param name target name
     * @param mae  mean absolute error
     * @param rmse root mean squared error
     */
    public record TargetError(String name, double mae, double rmse) {}

    /**
     * Compares predictions with actual values.
     *
     * @param actual      actual values, one row per sample, one column per target
     * @param predicted   predicted values, same layout
     * @param targetNames names of the targets (columns)
     */
    public static RegressionReport of(float[][] actual, float[][] predicted, List<String> targetNames) {
        int targets = targetNames.size();
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(
                    actual.length + " actual rows but " + predicted.length + " predicted rows");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        double[] absolute = new double[targets];
        double[] squared = new double[targets];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i].length != targets || predicted[i].length != targets) {
                throw new IllegalArgumentException(
                        "sample " + i + " must have " + targets + " actual and predicted" + " values");
            }
            for (int j = 0; j < targets; j++) {
                double error = (double) predicted[i][j] - actual[i][j];
                absolute[j] += Math.abs(error);
                squared[j] += error * error;
            }
        }
        List<TargetError> perTarget = new ArrayList<>();
        double totalAbsolute = 0;
        double totalSquared = 0;
        for (int j = 0; j < targets; j++) {
            perTarget.add(new TargetError(
                    targetNames.get(j), absolute[j] / actual.length, Math.sqrt(squared[j] / actual.length)));
            totalAbsolute += absolute[j];
            totalSquared += squared[j];
        }
        double count = (double) actual.length * targets;
        return new RegressionReport(
                actual.length, totalAbsolute / count, Math.sqrt(totalSquared / count), List.copyOf(perTarget));
    }
}
