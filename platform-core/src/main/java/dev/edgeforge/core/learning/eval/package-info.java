/**
 * Evaluation of trained models on validation and test data, in plain Java on arrays of predictions:
 * classification metrics with an "uncertain" threshold ({@link dev.edgeforge.core.learning.eval.ClassificationReport},
 * {@link dev.edgeforge.core.learning.eval.Prediction}), regression errors
 * ({@link dev.edgeforge.core.learning.eval.RegressionReport}) and the ROC AUC
 * ({@link dev.edgeforge.core.learning.eval.RocAuc}). The reports are records that serialize to the JSON the API
 * returns.
 */
package dev.edgeforge.core.learning.eval;
