package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.FileNameLabelRule;
import dev.edgeforge.core.format.labels.LabelRuleViolation;
import dev.edgeforge.core.format.labels.NoLabelInFileNameException;
import java.util.Objects;

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

    /**
     * The label each file's name gives by a rule: Edge Impulse's (the name up to its first '.') unless the upload
     * names another ({@code labelRule}, {@code x-label-rule}).
     */
    record FromFileName(FileNameLabelRule rule) implements LabelChoice {
        public FromFileName {
            Objects.requireNonNull(rule, "rule");
        }

        /** Edge Impulse's rule. */
        public FromFileName() {
            this(FileNameLabelRule.DEFAULT);
        }
    }

    /**
     * The label for a file of this name.
     *
     * @throws SampleFileViolation when the upload's label rule gets no label from the name
     */
    default String labelFor(String fileName) {
        if (this instanceof Given given) {
            return given.label();
        }
        if (this instanceof FromFileName fromName) {
            try {
                return fromName.rule().labelOf(fileName).orElse(null);
            } catch (NoLabelInFileNameException e) {
                throw new SampleFileViolation(
                        SampleFileViolation.NO_LABEL_IN_NAME,
                        "The file '"
                                + FileNames.baseName(fileName) + "' has no label by the upload's label rule: "
                                + e.getMessage()
                                + ".");
            }
        }
        return null;
    }

    /**
     * The choice an upload's label fields make: a given label, none, or the label rule (Edge Impulse's when blank).
     *
     * @param ruleField the name of the rule's field, for the 400 that names it
     */
    static LabelChoice of(String label, boolean noLabel, String rule, String ruleField) {
        boolean hasRule = rule != null && !rule.isBlank();
        if (label != null && !label.isBlank()) {
            if (hasRule) {
                throw new SampleRequestViolation(ruleField, "cannot be combined with a given label");
            }
            return new Given(label);
        }
        if (noLabel) {
            if (hasRule) {
                throw new SampleRequestViolation(ruleField, "cannot be combined with no label");
            }
            return new None();
        }
        return new FromFileName(rule(rule, ruleField));
    }

    /** Reads a label rule text; a 400 naming the field and the problem when it cannot be used. */
    static FileNameLabelRule rule(String text, String field) {
        try {
            return FileNameLabelRule.parse(text);
        } catch (LabelRuleViolation e) {
            throw new SampleRequestViolation(field, "is not a usable label rule: " + e.getMessage());
        }
    }
}
