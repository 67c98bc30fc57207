package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * Data augmentation applied to training batches (never to validation or test data). Only the options for the
 * block's {@link FeatureKind} may be set; the trainer rejects options for another kind rather than silently
 * ignoring them.
 *
 * @param timeSeries  for {@link FeatureKind#TIME_SERIES}; {@code null} for none
 * @param spectrogram for {@link FeatureKind#SPECTROGRAM}; {@code null} for none
 * @param image       for {@link FeatureKind#IMAGE}; {@code null} for none
 */
public record Augmentation(
        TimeSeriesAugmentation timeSeries, SpectrogramAugmentation spectrogram, ImageAugmentation image) {

    /** No augmentation. */
    public static Augmentation none() {
        return new Augmentation(null, null, null);
    }

    /** Only time-series augmentation. */
    public static Augmentation of(TimeSeriesAugmentation timeSeries) {
        return new Augmentation(timeSeries, null, null);
    }

    /** Only spectrogram augmentation. */
    public static Augmentation of(SpectrogramAugmentation spectrogram) {
        return new Augmentation(null, spectrogram, null);
    }

    /** Only image augmentation. */
    public static Augmentation of(ImageAugmentation image) {
        return new Augmentation(null, null, image);
    }

    /** Whether no option is set. Not a member of the JSON: a strict reader would refuse it as unknown. */
    @JsonIgnore
    public boolean isNone() {
        return timeSeries == null && spectrogram == null && image == null;
    }

    /** Problems with the options, each naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (timeSeries != null) {
            problems.addAll(timeSeries.problems());
        }
        if (spectrogram != null) {
            problems.addAll(spectrogram.problems());
        }
        if (image != null) {
            problems.addAll(image.problems());
        }
        return problems;
    }

    /** Problems of using these options on features of {@code kind}: options set for another kind. */
    public List<String> problemsFor(FeatureKind kind) {
        List<String> problems = new ArrayList<>();
        if (timeSeries != null && kind != FeatureKind.TIME_SERIES) {
            problems.add("augmentation.timeSeries is set but the features are " + name(kind));
        }
        if (spectrogram != null && kind != FeatureKind.SPECTROGRAM) {
            problems.add("augmentation.spectrogram is set but the features are " + name(kind));
        }
        if (image != null && kind != FeatureKind.IMAGE) {
            problems.add("augmentation.image is set but the features are " + name(kind));
        }
        return problems;
    }

    private static String name(FeatureKind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    static void checkFraction(List<String> problems, String field, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            String bound = max == Math.rint(max) ? Long.toString((long) max) : Double.toString(max);
            problems.add(field + " must be between 0 and " + bound + ", got " + value);
        }
    }
}
