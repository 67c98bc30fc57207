package dev.edgeforge.core.format.csv;

/**
 * The separators a CSV file turned out to use.
 *
 * @param delimiter        {@code ','}, {@code ';'} or tab
 * @param decimalSeparator {@code '.'}, or {@code ','} (only with a {@code ';'} or tab delimiter)
 */
public record CsvDialect(char delimiter, char decimalSeparator) {}
