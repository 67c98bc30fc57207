/* Host test of the anomaly scorer (ef_anomaly.c) on cases worked out by hand; AnomalyScorerHostIT builds and runs it.
 * Prints one line per failure and "summary failures=<n>". */
#include <math.h>
#include <stdio.h>

#include "ef_anomaly.h"

static int failures = 0;

static void expect_near(const char *what, double expected, double actual, double tolerance)
{
    if (!(fabs(expected - actual) <= tolerance)) {
        printf("FAIL %s: expected %.9g got %.9g\n", what, expected, actual);
        ++failures;
    }
}

static void expect_int(const char *what, int expected, int actual)
{
    if (expected != actual) {
        printf("FAIL %s: expected %d got %d\n", what, expected, actual);
        ++failures;
    }
}

/* Two features, mean (1, 2), scale (0.5, 2); centroids (0, 0) and (4, 4) in standardized units. */
static const float mean[2] = {1.0f, 2.0f};
static const float scale[2] = {0.5f, 2.0f};
static const float centres[4] = {0.0f, 0.0f, 4.0f, 4.0f};

static void test_kmeans(void)
{
    const ef_anomaly_model model = {EF_ANOMALY_KMEANS, 2, 2, mean, scale, centres, 0, 0, 2.5f};
    ef_anomaly_result result;
    /* x = (7, 3): z = (3, 2); nearest centre (4, 4) at sqrt(1 + 4) */
    const float x[2] = {7.0f, 3.0f};
    expect_int("kmeans status", EF_OK, ef_anomaly_score(&model, x, 2, &result));
    expect_near("kmeans score", sqrt(5.0), result.score, 1e-6);
    expect_int("kmeans decision", 0, result.is_anomaly);
    /* x = (1, 5): z = (0, 6); nearest (4, 4) at sqrt(20) = 4.47 > 2.5 (the other at 6) */
    const float y[2] = {1.0f, 5.0f};
    expect_int("kmeans status 2", EF_OK, ef_anomaly_score(&model, y, 2, &result));
    expect_near("kmeans score 2", sqrt(20.0), result.score, 1e-6);
    expect_int("kmeans decision 2", 1, result.is_anomaly);
    expect_int("kmeans size", EF_ERROR_INPUT_SIZE, ef_anomaly_score(&model, x, 3, &result));
    expect_int("kmeans null", EF_ERROR_INVALID_ARGUMENT, ef_anomaly_score(&model, 0, 2, &result));
}

/* One feature, identity standardization; two components: weight 0.25 at 0 (variance 1), 0.75 at 10 (variance 4). */
static void test_gmm(void)
{
    static const float one[1] = {1.0f};
    static const float zero[1] = {0.0f};
    static const float mus[2] = {0.0f, 10.0f};
    static const float inv_var[2] = {1.0f, 0.25f};
    const double log2pi = log(2.0 * 3.14159265358979323846);
    const float log_norm[2] = {(float)(log(0.25) - 0.5 * (log2pi + log(1.0))),
                               (float)(log(0.75) - 0.5 * (log2pi + log(4.0)))};
    const ef_anomaly_model model = {EF_ANOMALY_GMM, 1, 2, zero, one, mus, inv_var, log_norm, 3.0f};
    ef_anomaly_result result;
    const double xs[3] = {0.5, 6.0, 40.0};
    for (int i = 0; i < 3; ++i) {
        const double x = xs[i];
        const double p = 0.25 * exp(-0.5 * x * x) / sqrt(2 * 3.14159265358979323846) +
                         0.75 * exp(-0.5 * (x - 10) * (x - 10) / 4) / sqrt(2 * 3.14159265358979323846 * 4);
        /* far away (x = 40) the density underflows in double too: the log-sum-exp value is what must come out */
        const double l0 = log(0.25) - 0.5 * (log2pi + x * x);
        const double l1 = log(0.75) - 0.5 * (log2pi + log(4.0) + (x - 10) * (x - 10) / 4);
        const double max = l0 > l1 ? l0 : l1;
        const double expected = p > 0 ? -log(p) : -(max + log(exp(l0 - max) + exp(l1 - max)));
        const float f = (float)x;
        expect_int("gmm status", EF_OK, ef_anomaly_score(&model, &f, 1, &result));
        expect_near("gmm score", expected, result.score, 1e-4 * (1 + fabs(expected)));
        expect_int("gmm decision", expected > 3.0 ? 1 : 0, result.is_anomaly);
    }
}

int main(void)
{
    test_kmeans();
    test_gmm();
    printf("summary failures=%d\n", failures);
    return failures == 0 ? 0 : 1;
}
