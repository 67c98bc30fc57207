/* FULLY_CONNECTED on packed weights: one row read where it is (depth a multiple of 8, no scratch), one and several
 * rows widened (pairs and the odd last row), output channel pairs and the odd last channel, depths that are not a
 * multiple of 4, the activation clamp, against the naive TFLM oracle. */
#include <string.h>
#include "ef_test.h"
#include "packed_support.h"
#include "ef_fixedpoint.h"

static int8_t input[1024];
static int8_t weights[4096];
static int8_t packed[4608];
static int8_t expected[256];
static int8_t output[256];
static int8_t arena[1024];
static int32_t scratch[1024];
static int32_t bias[EF_PACKED_MAX_CHANNELS];
static int32_t multiplier[EF_PACKED_MAX_CHANNELS];
static int32_t shift[EF_PACKED_MAX_CHANNELS];
static ef_requant_storage storage;

static void test_sweep(void)
{
    /* {batches, accum depth, output depth, clamp, per-tensor} */
    static const int32_t shapes[][5] = {
        {1, 640, 6, 0, 1}, {1, 128, 8, 0, 1}, {1, 8, 12, 0, 1}, {1, 64, 10, 0, 1}, {1, 7, 5, 0, 0}, {1, 16, 7, 1, 0},
        {1, 24, 1, 0, 0},  {2, 13, 6, 0, 0},  {3, 32, 3, 1, 0}, {4, 2, 2, 0, 1},   {1, 1, 1, 0, 0}, {5, 50, 9, 1, 0},
    };
    uint32_t seed = 0xFC0FFEEu;
    ef_test_begin("fully_connected_packed", "sweep_matches_oracle_in_and_out_of_place");
    for (int32_t i = 0; i < EF_ARRAY_LEN(shapes); ++i) {
        ef_fully_connected_params p;
        memset(&p, 0, sizeof p);
        p.batches = shapes[i][0];
        p.accum_depth = shapes[i][1];
        p.output_depth = shapes[i][2];
        p.input_offset = (int32_t)(ef_test_random(&seed) % 256u) - 127;
        p.output_offset = (int32_t)(ef_test_random(&seed) % 256u) - 128;
        p.activation_min = shapes[i][3] ? -77 : -128;
        p.activation_max = shapes[i][3] ? 33 : 127;
        const int32_t m = (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
        const int32_t e = -(int32_t)(ef_test_random(&seed) % 6u) - 6;
        for (int32_t c = 0; c < p.output_depth; ++c) {
            bias[c] = (int32_t)(ef_test_random(&seed) % 40001u) - 20000;
            multiplier[c] = shapes[i][4] ? m : (int32_t)((1u << 30) + (ef_test_random(&seed) >> 2));
            shift[c] = shapes[i][4] ? e : -(int32_t)(ef_test_random(&seed) % 6u) - 6;
        }
        p.output_multiplier = multiplier;
        p.output_shift = shift;
        ef_test_fill_random_i8(input, p.batches * p.accum_depth, &seed);
        ef_test_fill_random_i8(weights, p.output_depth * p.accum_depth, &seed);
        ef_oracle_fully_connected(&p, input, weights, bias, expected);

        ef_fully_connected_packed_params q;
        ef_test_expect_int("packable", 1, ef_packed_fully_connected(&p, weights, bias, &q, packed, &storage));
        const int32_t scratch_bytes = EF_FULLY_CONNECTED_PACKED_SCRATCH_BYTES(q.batches, q.accum_depth, q.accum_stride);
        ef_test_expect_int("scratch fits", 1, scratch_bytes <= (int32_t)sizeof scratch);
        memset(output, 0x55, sizeof output);
        ef_test_expect_int("status", EF_OK,
                           ef_fully_connected_packed_s8(&q, input, packed, output, scratch_bytes > 0 ? scratch : 0));
        ef_test_expect_i8_array("output", expected, output, p.batches * p.output_depth);

        /* In place (with scratch): each row's output may start where its input row starts. */
        const int32_t n_in = p.batches * p.accum_depth;
        memset(arena, 0x55, sizeof arena);
        memcpy(arena, input, (size_t)n_in);
        if (p.output_depth <= p.accum_depth && scratch_bytes > 0) {
            ef_test_expect_int("status in place", EF_OK,
                               ef_fully_connected_packed_s8(&q, arena, packed, arena, scratch));
            ef_test_expect_i8_array("in place", expected, arena, p.batches * p.output_depth);
        }
    }
    ef_test_end();
}

void ef_suite_fully_connected_packed(void)
{
    test_sweep();
}
