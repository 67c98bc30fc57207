/*
 * The public API of an EdgeForge compiled model (the `c-library` deployment): the network compiled to C with no
 * interpreter, its optional DSP block, and one static activation arena. No dynamic allocation; not reentrant
 * (one model, one arena: call from one thread at a time).
 *
 * The generated header ef_model_config.h, beside the model's sources, defines the sizes of this model:
 *   EF_MODEL_INPUT_SIZE    bytes of the int8 input tensor (= features per window)
 *   EF_MODEL_OUTPUT_SIZE   bytes of the int8 output tensor (= scores per window)
 *   EF_MODEL_FEATURE_COUNT features the classifier takes (= EF_MODEL_INPUT_SIZE)
 *   EF_MODEL_LABEL_COUNT   class labels (0 when the model has none)
 *   EF_MODEL_ARENA_SIZE    bytes of the static activation arena
 *   EF_MODEL_HAS_IMPULSE   1 when the library contains the impulse's DSP block, else 0
 *   EF_MODEL_WINDOW_COUNT  values of one raw window for ef_model_run_impulse (0 without an impulse)
 * and the type of a raw window value, ef_model_window_t (int16_t counts for audio, float for other time series,
 * uint8_t for camera frames).
 *
 * Typical use:
 *
 *     float scores[EF_MODEL_OUTPUT_SIZE];
 *     ef_model_init();
 *     if (ef_model_run_impulse(window, EF_MODEL_WINDOW_COUNT, scores, EF_MODEL_OUTPUT_SIZE) == EF_OK) {
 *         const ef_model_info *info = ef_model_get_info();
 *         int32_t best = ef_model_argmax(scores, EF_MODEL_OUTPUT_SIZE);
 *         printf("%s %f\n", info->labels[best], scores[best]);
 *     }
 */
#ifndef EF_MODEL_H
#define EF_MODEL_H

#include <stdint.h>
#include "ef/ef_status.h"
#include "ef_model_config.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EF_MODEL_MAX_DIMS 6

/* What the model is, for applications and for logs. Every field is fixed when the library is generated. */
typedef struct {
    const char *name;                      /* model name */
    const char *sha256;                    /* SHA-256 of the model's TFLite flatbuffer, lower-case hex */
    int32_t input_rank;                    /* dimensions of the input tensor */
    int32_t input_dims[EF_MODEL_MAX_DIMS]; /* input shape, row-major (NHWC for images) */
    int32_t input_size;                    /* bytes of the int8 input tensor */
    float input_scale;                     /* feature = input_scale * (q - input_zero_point) */
    int32_t input_zero_point;
    int32_t output_size; /* bytes of the int8 output tensor */
    float output_scale;  /* score = output_scale * (q - output_zero_point) */
    int32_t output_zero_point;
    int32_t label_count;       /* 0 when the model has no labels */
    const char *const *labels; /* label_count class names, in output order */
    int32_t arena_size;        /* bytes of the activation arena */
    int32_t arena_lower_bound; /* the liveness lower bound for this operator order */
    int32_t has_impulse;       /* 1 when ef_model_run_impulse is available */
    int32_t window_count;      /* values of one raw window (0 without an impulse) */
    const char *dsp_block;     /* the impulse's DSP block type ("mfcc", …), "" without one */
} ef_model_info;

/* Clears the activation arena. Call once before the first inference; calling it again is harmless. */
ef_status ef_model_init(void);

/* The model's description (never NULL). */
const ef_model_info *ef_model_get_info(void);

/* The int8 input tensor (EF_MODEL_INPUT_SIZE bytes, inside the arena): write it, then ef_model_invoke. */
int8_t *ef_model_input(void);

/* The int8 output tensor (EF_MODEL_OUTPUT_SIZE bytes, inside the arena), valid after an inference. */
const int8_t *ef_model_output(void);

/* Runs the network on the int8 input tensor as it is. */
ef_status ef_model_invoke(void);

/*
 * Runs the classifier on features: quantizes them with the input scale and zero point
 * (q = clamp(round(x / scale) + zero_point, -128, 127), rounding half away from zero), invokes, and dequantizes
 * the int8 output into scores (may be NULL to read ef_model_output() instead).
 * Returns EF_ERROR_INPUT_SIZE unless feature_count == EF_MODEL_FEATURE_COUNT, EF_ERROR_OUTPUT_SIZE unless
 * score_count == EF_MODEL_OUTPUT_SIZE (when scores is not NULL).
 */
ef_status ef_model_run_classifier(const float *features, int32_t feature_count, float *scores, int32_t score_count);

/*
 * Runs the whole impulse on one raw window: the DSP block computes the features, then as ef_model_run_classifier.
 * A time-series window holds EF_MODEL_WINDOW_COUNT values interleaved sample by sample (s0.axis0, s0.axis1, …);
 * an image window is an RGB888 camera frame, row-major. Returns EF_ERROR_UNSUPPORTED when the library was
 * generated without an impulse, EF_ERROR_INPUT_SIZE unless window_count == EF_MODEL_WINDOW_COUNT.
 */
ef_status ef_model_run_impulse(const ef_model_window_t *window, int32_t window_count, float *scores,
                               int32_t score_count);

/*
 * The first half of ef_model_run_impulse: the DSP block turns one raw window into features, quantized into the int8
 * input tensor; ef_model_invoke then runs the network. Lets an application time the DSP block and the network apart.
 * Returns as ef_model_run_impulse does for the window.
 */
ef_status ef_model_window_to_input(const ef_model_window_t *window, int32_t window_count);

/* The index of the largest score (the first one on ties), -1 when count < 1. */
int32_t ef_model_argmax(const float *scores, int32_t count);

#ifdef __cplusplus
}
#endif

#endif /* EF_MODEL_H */
