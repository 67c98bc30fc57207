/**
 * CSV time series: {@link dev.edgeforge.core.format.csv.CsvSampleReader} (delimiter, decimal separator and
 * timestamp unit detected; the rules are on that class) and {@link dev.edgeforge.core.format.csv.CsvSampleWriter}
 * (a layout the reader reads back: a millisecond {@code timestamp} column and {@code name (units)} headers).
 */
package dev.edgeforge.core.format.csv;
