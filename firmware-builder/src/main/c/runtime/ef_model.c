/*
 * The public API of a compiled model (include/ef/ef_model.h) on top of what the generator emits for one model
 * (ef_model_internal.h). Checks sizes, quantizes and dequantizes; the network itself is in model.c.
 */
#include "ef/ef_model.h"
#include "ef_model_internal.h"

ef_status ef_model_init(void)
{
    ef_model_generated_clear_arena();
    return EF_OK;
}

const ef_model_info *ef_model_get_info(void)
{
    return &ef_model_generated_info;
}

int8_t *ef_model_input(void)
{
    return ef_model_generated_input();
}

const int8_t *ef_model_output(void)
{
    return ef_model_generated_output();
}

ef_status ef_model_invoke(void)
{
    return ef_model_generated_invoke();
}

/* Invokes, then dequantizes the output into scores when the caller wants them. */
static ef_status invoke_and_score(float *scores, int32_t score_count)
{
    if (scores != 0 && score_count != ef_model_generated_info.output_size) {
        return EF_ERROR_OUTPUT_SIZE;
    }
    const ef_status status = ef_model_generated_invoke();
    if (status != EF_OK || scores == 0) {
        return status;
    }
    return ef_dequantize_s8_f32(&ef_model_generated_output_dequantize, ef_model_generated_output(), scores);
}

ef_status ef_model_run_classifier(const float *features, int32_t feature_count, float *scores, int32_t score_count)
{
    if (features == 0 || feature_count != ef_model_generated_info.input_size) {
        return EF_ERROR_INPUT_SIZE;
    }
    if (scores != 0 && score_count != ef_model_generated_info.output_size) {
        return EF_ERROR_OUTPUT_SIZE;
    }
    const ef_status status =
        ef_quantize_f32_s8(&ef_model_generated_input_quantize, features, ef_model_generated_input());
    if (status != EF_OK) {
        return status;
    }
    return invoke_and_score(scores, score_count);
}

ef_status ef_model_window_to_input(const ef_model_window_t *window, int32_t window_count)
{
    if (!ef_model_generated_info.has_impulse) {
        return EF_ERROR_UNSUPPORTED;
    }
    if (window == 0 || window_count != ef_model_generated_info.window_count) {
        return EF_ERROR_INPUT_SIZE;
    }
    return ef_model_generated_window_to_input(window);
}

ef_status ef_model_run_impulse(const ef_model_window_t *window, int32_t window_count, float *scores,
                               int32_t score_count)
{
    if (scores != 0 && score_count != ef_model_generated_info.output_size) {
        return EF_ERROR_OUTPUT_SIZE;
    }
    const ef_status status = ef_model_window_to_input(window, window_count);
    if (status != EF_OK) {
        return status;
    }
    return invoke_and_score(scores, score_count);
}

int32_t ef_model_argmax(const float *scores, int32_t count)
{
    if (scores == 0 || count < 1) {
        return -1;
    }
    int32_t best = 0;
    for (int32_t i = 1; i < count; ++i) {
        if (scores[i] > scores[best]) {
            best = i;
        }
    }
    return best;
}
