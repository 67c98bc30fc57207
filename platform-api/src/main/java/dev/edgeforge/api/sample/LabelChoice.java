package dev.edgeforge.api.sample;

/** How an upload's label is chosen. */
public sealed interface LabelChoice {

    /** This label for every file ({@code x-label}, the {@code label} parameter). */
    record Given(String label) implements LabelChoice {
        public Given {
            if (label == null || label.isBlank()) {
                throw new SampleRequestViolation("label", "must not be blank");
            }
            label = label.strip();
            if (label.length() > 255) {
                throw new SampleRequestViolation("label", "must be at most 255 characters");
            }
        }
    }

    /** No label ({@code x-no-label}). */
    record None() implements LabelChoice {}

    /** The file name up to its first '.', as Edge Impulse does when no label is given. */
    record FromFileName() implements LabelChoice {}

    /** The label for a file of this name. */
    default String labelFor(String fileName) {
        if (this instanceof Given given) {
            return given.label();
        }
        return this instanceof FromFileName ? FileNames.inferredLabel(fileName) : null;
    }
}
