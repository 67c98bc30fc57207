package dev.edgeforge.core.model;

/** Argument checks shared by the options records. */
final class OptionChecks {

    private OptionChecks() {}

    static void notNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
