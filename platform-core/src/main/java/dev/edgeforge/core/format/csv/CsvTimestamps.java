package dev.edgeforge.core.format.csv;

/** How the time axis of a CSV file was given. */
public enum CsvTimestamps {
    /** No timestamp column: the interval came from {@link CsvReadOptions#intervalMs()}. */
    NONE,
    /** Numbers in milliseconds. */
    MILLISECONDS,
    /** Numbers in seconds. */
    SECONDS,
    /** Numbers in microseconds. */
    MICROSECONDS,
    /** ISO-8601 date-times ({@code 2024-05-01T12:00:00.125Z}; without an offset they are taken as UTC). */
    ISO_8601;

    /** Milliseconds per unit of a numeric timestamp. */
    double millisPerUnit() {
        return switch (this) {
            case SECONDS -> 1000;
            case MICROSECONDS -> 0.001;
            default -> 1;
        };
    }
}
