/*
 * Host harness for a compiled model with an impulse: reads raw windows (EF_MODEL_WINDOW_COUNT values of
 * ef_model_window_t each, back to back) from argv[1], runs ef_model_run_impulse on each, writes the int8 output
 * tensors to argv[2] and checks that the scores are the dequantized outputs.
 */
#include <stdio.h>

#include "ef/ef_model.h"

static ef_model_window_t window[EF_MODEL_WINDOW_COUNT];

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s windows.bin outputs.bin\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    FILE *out = fopen(argv[2], "wb");
    if (in == NULL || out == NULL) {
        return 2;
    }
    ef_model_init();
    const ef_model_info *info = ef_model_get_info();
    if (!info->has_impulse || info->window_count != EF_MODEL_WINDOW_COUNT) {
        fprintf(stderr, "no impulse in this library\n");
        return 3;
    }
    float scores[EF_MODEL_OUTPUT_SIZE];
    int windows = 0;
    while (fread(window, sizeof window[0], EF_MODEL_WINDOW_COUNT, in) == EF_MODEL_WINDOW_COUNT) {
        const ef_status status = ef_model_run_impulse(window, EF_MODEL_WINDOW_COUNT, scores, EF_MODEL_OUTPUT_SIZE);
        if (status != EF_OK) {
            fprintf(stderr, "run_impulse failed: %s\n", ef_status_name(status));
            return 4;
        }
        const int8_t *q = ef_model_output();
        for (int i = 0; i < EF_MODEL_OUTPUT_SIZE; i++) {
            if (scores[i] != info->output_scale * (float)(q[i] - info->output_zero_point)) {
                fprintf(stderr, "score %d is not the dequantized output\n", i);
                return 5;
            }
        }
        fwrite(q, 1, EF_MODEL_OUTPUT_SIZE, out);
        windows++;
    }
    if (ef_model_run_impulse(window, EF_MODEL_WINDOW_COUNT - 1, scores, EF_MODEL_OUTPUT_SIZE) != EF_ERROR_INPUT_SIZE
        || ef_model_run_impulse(window, EF_MODEL_WINDOW_COUNT, scores, 1) != EF_ERROR_OUTPUT_SIZE) {
        fprintf(stderr, "size checks failed\n");
        return 6;
    }
    fclose(in);
    fclose(out);
    printf("windows %d argmax %d\n", windows, (int)ef_model_argmax(scores, EF_MODEL_OUTPUT_SIZE));
    return 0;
}
