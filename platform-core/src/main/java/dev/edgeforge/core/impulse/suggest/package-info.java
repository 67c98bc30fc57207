/**
 * Impulses fitted to a project's data (issue #12): {@link dev.edgeforge.core.impulse.suggest.DataProfile} sums up the
 * samples (kind of data, axes, sampling rate, recording lengths) from {@link
 * dev.edgeforge.core.impulse.suggest.SampleSummary} rows, {@link dev.edgeforge.core.impulse.suggest.ImpulseSuggester}
 * turns a profile into an impulse with the reasons for each choice in plain words, and {@link
 * dev.edgeforge.core.impulse.suggest.DataFit} finds where a designed impulse does not fit the data (errors that would
 * make the features job fail or produce nothing, warnings for windows that drop or resample data).
 *
 * <p>Pure functions of the summaries: the server reads them from its sample table, the real-data tests from files.
 * The rules were chosen on real recordings (uWave gestures, spoken digits) by the research of issue #12.
 */
package dev.edgeforge.core.impulse.suggest;
