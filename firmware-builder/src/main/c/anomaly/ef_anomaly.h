/*
 * Anomaly scores on the device: the K-means and Gaussian-mixture blocks of EdgeForge, scored exactly as the server
 * defines them (platform-core KMeansModel and GaussianMixtureModel), from constant tables the generator writes from
 * the stored model.
 *
 * Both standardize the features first, z[j] = (x[j] - mean[j]) * scale[j], then
 *   K-means: score = sqrt(min_k sum_j (z[j] - centroid[k][j])^2)            (distance to the nearest centroid)
 *   GMM:     score = -log sum_k exp(log_norm[k] - 0.5 sum_j (z[j] - mu[k][j])^2 * inv_var[k][j])
 *            with log_norm[k] = log weight[k] - 0.5 sum_j (log 2 pi + log var[k][j]), computed ahead of time
 *            (log-sum-exp from the largest term, so a far-away window does not underflow to an infinite score).
 * A window is an anomaly when score > threshold (the threshold the user saved).
 *
 * Float32, not fixed point: the boards that run these images have a single-precision FPU (Cortex-M4F/M7F), the
 * work is a few multiply-adds per feature and cluster, and the scores (distances, log-likelihoods of any magnitude)
 * have no range a fixed-point format could hold without a per-model scale search. The server scores in double; the
 * device's float32 scores agree within a stated tolerance (the deployment's verification measures it), not bit for
 * bit. Portable C99 with <math.h>; no allocation; reentrant (all state is on the stack).
 */
#ifndef EF_ANOMALY_H
#define EF_ANOMALY_H

#include <stdint.h>
#include "ef/ef_status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { EF_ANOMALY_KMEANS = 1, EF_ANOMALY_GMM = 2 } ef_anomaly_kind;

/* One anomaly model as constant tables. Components are rows of feature_count values. */
typedef struct {
    ef_anomaly_kind kind;
    int32_t feature_count;
    int32_t component_count; /* clusters (K-means) or mixture components (GMM) */
    const float *mean;       /* feature_count: subtracted before scaling */
    const float *scale;      /* feature_count: 1 / std, or 1 */
    const float *centres;    /* component_count x feature_count: centroids or component means */
    const float *inv_var;    /* GMM only (NULL for K-means): component_count x feature_count, 1 / variance */
    const float *log_norm;   /* GMM only (NULL for K-means): component_count constants, see above */
    float threshold;         /* score > threshold is an anomaly */
} ef_anomaly_model;

/* The result of scoring one window. */
typedef struct {
    float score;        /* higher is more anomalous */
    int32_t is_anomaly; /* 1 when score > threshold */
} ef_anomaly_result;

/*
 * Scores one window's features. Returns EF_ERROR_INPUT_SIZE unless feature_count == model->feature_count,
 * EF_ERROR_INVALID_ARGUMENT for a NULL pointer or an unknown kind.
 */
ef_status ef_anomaly_score(const ef_anomaly_model *model, const float *features, int32_t feature_count,
                           ef_anomaly_result *result);

#ifdef __cplusplus
}
#endif

#endif /* EF_ANOMALY_H */
