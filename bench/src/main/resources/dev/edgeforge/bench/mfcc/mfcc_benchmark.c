/* MFCC benchmark harness: runs the generated ef_block (MFCC) on the window in argv[1] for argv[2] seconds after a
 * warm-up and prints "windows_per_second <n> checksum <c>". */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ef_block.h"

static ef_block_input_t input[EF_BLOCK_INPUT_COUNT];
static float output[EF_BLOCK_OUTPUT_COUNT];

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    FILE *in;
    double seconds;
    double start;
    double elapsed;
    double checksum = 0.0;
    long windows = 0;
    int i;
    if (argc != 3) {
        fprintf(stderr, "usage: %s window.bin seconds\n", argv[0]);
        return 2;
    }
    in = fopen(argv[1], "rb");
    if (in == NULL || fread(input, sizeof input[0], EF_BLOCK_INPUT_COUNT, in) != EF_BLOCK_INPUT_COUNT) {
        fprintf(stderr, "cannot read a window from %s\n", argv[1]);
        return 2;
    }
    fclose(in);
    seconds = atof(argv[2]);
    for (i = 0; i < 10; i++) {
        ef_block_run(input, output);
    }
    start = now();
    do {
        ef_block_run(input, output);
        checksum += output[windows % EF_BLOCK_OUTPUT_COUNT];
        windows++;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("windows_per_second %.2f checksum %g\n", (double)windows / elapsed, checksum);
    return 0;
}
