package dev.edgeforge.core.dsp;

/** Fills parameters left out of the JSON with their defaults. */
final class Defaults {

    private Defaults() {}

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
