/* Anomaly scores (ef_anomaly.h): the same definitions as the server's, in float32. */
#include "ef_anomaly.h"

#include <math.h>

/* Squared distance (K-means) or variance-weighted squared distance (GMM) from the standardized window to one
 * component. The window is standardized again for each component rather than stored: no buffer sized by the
 * feature count is needed, and the few extra multiply-adds are cheap next to the DSP block. */
static float component_distance(const ef_anomaly_model *model, const float *features, int32_t k)
{
    const int32_t n = model->feature_count;
    const float *centre = model->centres + (int32_t)k * n;
    const float *inv_var = model->inv_var != 0 ? model->inv_var + (int32_t)k * n : 0;
    float sum = 0.0f;
    for (int32_t j = 0; j < n; ++j) {
        const float z = (features[j] - model->mean[j]) * model->scale[j];
        const float d = z - centre[j];
        sum += inv_var != 0 ? d * d * inv_var[j] : d * d;
    }
    return sum;
}

static float kmeans_score(const ef_anomaly_model *model, const float *features)
{
    float best = INFINITY;
    for (int32_t k = 0; k < model->component_count; ++k) {
        const float d = component_distance(model, features, k);
        if (d < best) {
            best = d;
        }
    }
    return sqrtf(best);
}

static float gmm_score(const ef_anomaly_model *model, const float *features)
{
    /* two passes over the components (the largest log term first, then the sum relative to it) would score every
     * component twice; the running log-sum-exp rescales the sum when a larger term arrives instead */
    float max = -INFINITY;
    float sum = 0.0f;
    for (int32_t k = 0; k < model->component_count; ++k) {
        const float l = model->log_norm[k] - 0.5f * component_distance(model, features, k);
        if (l == -INFINITY) {
            continue;
        }
        if (l > max) {
            sum = sum * expf(max - l) + 1.0f;
            max = l;
        } else {
            sum += expf(l - max);
        }
    }
    if (max == -INFINITY) {
        return INFINITY;
    }
    return -(max + logf(sum));
}

ef_status ef_anomaly_score(const ef_anomaly_model *model, const float *features, int32_t feature_count,
                           ef_anomaly_result *result)
{
    if (model == 0 || features == 0 || result == 0) {
        return EF_ERROR_INVALID_ARGUMENT;
    }
    if (feature_count != model->feature_count) {
        return EF_ERROR_INPUT_SIZE;
    }
    float score;
    switch (model->kind) {
        case EF_ANOMALY_KMEANS:
            score = kmeans_score(model, features);
            break;
        case EF_ANOMALY_GMM:
            if (model->inv_var == 0 || model->log_norm == 0) {
                return EF_ERROR_INVALID_ARGUMENT;
            }
            score = gmm_score(model, features);
            break;
        default:
            return EF_ERROR_INVALID_ARGUMENT;
    }
    result->score = score;
    result->is_anomaly = score > model->threshold ? 1 : 0;
    return EF_OK;
}
