package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Augmentation of {@code [height, width, channels]} images with values in about {@code [0, 1]}, applied to training
 * windows only, reproducibly for the training seed.
 *
 * @param horizontalFlip     mirror left-right with probability one half; turn it off for classes a mirror changes
 *                           (left/right arrows, text)
 * @param maxCropFraction    crop a random window whose sides are {@code 1 - f} of the image, {@code f} uniform in
 *                           {@code [0, maxCropFraction]} (0 to 0.5), and scale it back to full size (bilinear)
 * @param brightnessDelta    add one offset uniform in {@code [-delta, delta]} to every value of the image (0 to 1)
 * @param contrastDelta      scale every value's distance from the image's mean by one factor uniform in
 *                           {@code [1 - delta, 1 + delta]} (0 to 1)
 * @param maxRotationDegrees rotate about the centre by an angle uniform in {@code [-max, max]} degrees (0 to 45;
 *                           bilinear, edges clamp)
 */
public record ImageAugmentation(
        boolean horizontalFlip,
        double maxCropFraction,
        double brightnessDelta,
        double contrastDelta,
        double maxRotationDegrees) {

    /** Flip, crop and brightness only (no contrast change, no rotation). */
    public ImageAugmentation(boolean horizontalFlip, double maxCropFraction, double brightnessDelta) {
        this(horizontalFlip, maxCropFraction, brightnessDelta, 0, 0);
    }

    /** Missing members are off, so settings saved before contrast and rotation existed read unchanged. */
    @JsonCreator
    static ImageAugmentation fromJson(
            @JsonProperty("horizontalFlip") Boolean horizontalFlip,
            @JsonProperty("maxCropFraction") Double maxCropFraction,
            @JsonProperty("brightnessDelta") Double brightnessDelta,
            @JsonProperty("contrastDelta") Double contrastDelta,
            @JsonProperty("maxRotationDegrees") Double maxRotationDegrees) {
        return new ImageAugmentation(
                horizontalFlip != null && horizontalFlip,
                maxCropFraction == null ? 0 : maxCropFraction,
                brightnessDelta == null ? 0 : brightnessDelta,
                contrastDelta == null ? 0 : contrastDelta,
                maxRotationDegrees == null ? 0 : maxRotationDegrees);
    }

    /**
     * The default for images (issue #20): horizontal flips, crops up to 10 %, brightness and contrast ±10 % and
     * rotations up to 10°.
     */
    public static ImageAugmentation defaults() {
        return new ImageAugmentation(true, 0.1, 0.1, 0.1, 10);
    }

    /** Problems with the options, each naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Augmentation.checkFraction(problems, "augmentation.image.maxCropFraction", maxCropFraction, 0.5);
        Augmentation.checkFraction(problems, "augmentation.image.brightnessDelta", brightnessDelta, 1);
        Augmentation.checkFraction(problems, "augmentation.image.contrastDelta", contrastDelta, 1);
        Augmentation.checkFraction(problems, "augmentation.image.maxRotationDegrees", maxRotationDegrees, 45);
        return problems;
    }
}
