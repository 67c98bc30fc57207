/**
 * The {@code tune} job (issue #13): its payload ({@link dev.edgeforge.jobs.tune.TuneJobPayload}: the board, the
 * budget the candidates must fit, the search's time budget and seed, the impulse the search starts from and the
 * samples), and its result ({@link dev.edgeforge.jobs.tune.TuneJobResult}: every candidate the search trained, with
 * its validation accuracy and its estimated costs on the board).
 */
package dev.edgeforge.jobs.tune;
