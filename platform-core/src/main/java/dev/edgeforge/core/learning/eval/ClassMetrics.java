package dev.edgeforge.core.learning.eval;

/**
 * Metrics of one class.
 *
 * @param name      class name
 * @param support   samples whose actual class this is
 * @param precision correct predictions of this class / all predictions of this class (0 when never predicted)
 * @param recall    correct predictions of this class / support (uncertain predictions count as misses)
 * @param f1        harmonic mean of precision and recall (0 when both are 0)
 * @param auc       one-vs-rest ROC AUC of this class's probability, or {@code null} when undefined (no samples of
 *                  the class, or only samples of it)
 */
public record ClassMetrics(String name, int support, double precision, double recall, double f1, Double auc) {}
