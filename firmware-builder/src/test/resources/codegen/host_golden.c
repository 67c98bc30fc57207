/*
 * Host harness for the compiled model: reads int8 input tensors back to back from argv[1], runs each through
 * ef_model_invoke, writes the int8 output tensors back to back to argv[2], and prints the model info.
 */
#include <stdio.h>
#include <string.h>

#include "ef/ef_model.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s inputs.bin outputs.bin\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    FILE *out = fopen(argv[2], "wb");
    if (in == NULL || out == NULL) {
        fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[2]);
        return 2;
    }
    if (ef_model_init() != EF_OK) {
        return 3;
    }
    const ef_model_info *info = ef_model_get_info();
    printf("model %s sha256 %s input %d output %d arena %d lower-bound %d\n", info->name, info->sha256,
           (int)info->input_size, (int)info->output_size, (int)info->arena_size, (int)info->arena_lower_bound);
    static int8_t input[EF_MODEL_INPUT_SIZE];
    int cases = 0;
    while (fread(input, 1, sizeof input, in) == sizeof input) {
        memcpy(ef_model_input(), input, sizeof input);
        const ef_status status = ef_model_invoke();
        if (status != EF_OK) {
            fprintf(stderr, "invoke failed: %s\n", ef_status_name(status));
            return 4;
        }
        if (fwrite(ef_model_output(), 1, EF_MODEL_OUTPUT_SIZE, out) != EF_MODEL_OUTPUT_SIZE) {
            return 5;
        }
        cases++;
    }
    fclose(in);
    fclose(out);
    printf("cases %d\n", cases);
    return 0;
}
