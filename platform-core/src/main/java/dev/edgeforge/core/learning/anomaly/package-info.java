/**
 * K-means anomaly detection: {@link dev.edgeforge.core.learning.anomaly.KMeans} clusters the features of normal data
 * (k-means++ initialization, seeded), the anomaly score of a sample is its distance to the nearest centroid, and a
 * threshold the user sets turns scores into anomaly / normal
 * ({@link dev.edgeforge.core.learning.anomaly.AnomalyDetector}). When labelled anomalies exist,
 * {@link dev.edgeforge.core.learning.anomaly.AnomalyEvaluation} reports the ROC AUC and the confusion at the threshold.
 * Plain Java; no DJL.
 */
package dev.edgeforge.core.learning.anomaly;
