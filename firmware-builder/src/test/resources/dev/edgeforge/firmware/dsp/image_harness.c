/* Image parity harness: reads camera frames (ef_block_input_t) from argv[1] until the end, writes the int8 input
 * tensor of each to argv[2]. Built with the generated ef_block.h/.c and ef_dsp_image.c. */
#include <stdio.h>

#include "ef_block.h"

static ef_block_input_t input[EF_BLOCK_INPUT_COUNT];
static int8_t output[EF_BLOCK_OUTPUT_COUNT];

int main(int argc, char **argv)
{
    FILE *in;
    FILE *out;
    int windows = 0;
    if (argc != 3) {
        fprintf(stderr, "usage: %s input.bin output.bin\n", argv[0]);
        return 2;
    }
    in = fopen(argv[1], "rb");
    out = fopen(argv[2], "wb");
    if (in == NULL || out == NULL) {
        fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[2]);
        return 2;
    }
    while (fread(input, sizeof input[0], EF_BLOCK_INPUT_COUNT, in) == EF_BLOCK_INPUT_COUNT) {
        ef_block_run(input, output);
        if (fwrite(output, sizeof output[0], EF_BLOCK_OUTPUT_COUNT, out) != EF_BLOCK_OUTPUT_COUNT) {
            fprintf(stderr, "cannot write %s\n", argv[2]);
            return 2;
        }
        windows++;
    }
    fclose(in);
    fclose(out);
    printf("%d windows\n", windows);
    return 0;
}
