package dev.edgeforge.core.format.labels;

/** A label rule that cannot be used (unknown kind, empty separator, a pattern that does not compile or is unsafe). */
public class LabelRuleViolation extends IllegalArgumentException {

    public LabelRuleViolation(String message) {
        super(message);
    }
}
