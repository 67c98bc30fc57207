/**
 * Evaluation of trained models on validation and test data, in plain Java on arrays of scores and predictions:
 * the ROC AUC ({@link dev.edgeforge.core.learning.eval.RocAuc}).
 */
package dev.edgeforge.core.learning.eval;
