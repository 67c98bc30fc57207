package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Augmentation of {@code [height, width, channels]} images with values in about {@code [0, 1]}.
 *
 * @param horizontalFlip  mirror left-right with probability one half
 * @param maxCropFraction crop a random window whose sides are {@code 1 - f} of the image, {@code f} uniform in
 *                        {@code [0, maxCropFraction]} (0 to 0.5), and scale it back to full size (bilinear)
 * @param brightnessDelta add one offset uniform in {@code [-delta, delta]} to every value of the image (0 to 1)
 */
public record ImageAugmentation(boolean horizontalFlip, double maxCropFraction, double brightnessDelta) {

    /** Problems with the options, each naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Augmentation.checkFraction(problems, "augmentation.image.maxCropFraction", maxCropFraction, 0.5);
        Augmentation.checkFraction(problems, "augmentation.image.brightnessDelta", brightnessDelta, 1);
        return problems;
    }
}
