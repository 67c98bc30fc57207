package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Augmentation of {@code [time, channels]} windows. Each training sample, each epoch, independently:
 *
 * @param noiseStd     standard deviation of Gaussian noise added to every value, in feature units; 0 for none
 * @param maxTimeShift largest shift along time as a fraction of the window (0 to 0.5); the sample is shifted by a
 *                     uniform random number of steps in {@code [-max, max]}, edges filled with the nearest value
 * @param scaleRange   every channel of the sample is multiplied by one factor uniform in
 *                     {@code [1 - scaleRange, 1 + scaleRange]} (0 to 0.9)
 */
public record TimeSeriesAugmentation(double noiseStd, double maxTimeShift, double scaleRange) {

    /** Problems with the options, each naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Augmentation.checkFraction(problems, "augmentation.timeSeries.noiseStd", noiseStd, 1e6);
        Augmentation.checkFraction(problems, "augmentation.timeSeries.maxTimeShift", maxTimeShift, 0.5);
        Augmentation.checkFraction(problems, "augmentation.timeSeries.scaleRange", scaleRange, 0.9);
        return problems;
    }
}
