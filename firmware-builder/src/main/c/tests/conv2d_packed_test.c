/* CONV_2D on packed weights: every path of the optimized kernels (1x1 widened straight from the image, gathered
 * patches with padding and dilation, pixel pairs and the odd last pixel, channel pairs and the odd last channel,
 * patches that are not a multiple of 4) against the naive TFLM oracle, out of place and in place. */
#include <string.h>
#include "ef_test.h"
#include "packed_support.h"
#include "ef_fixedpoint.h"

#define MAX_BYTES 1024

static int8_t input[MAX_BYTES];
static int8_t filter[2 * MAX_BYTES];
static int8_t packed[2 * MAX_BYTES];
static int8_t expected[MAX_BYTES];
static int8_t output[MAX_BYTES];
static int8_t arena[3 * MAX_BYTES];
static int32_t scratch[MAX_BYTES / 4];
static int32_t bias[EF_PACKED_MAX_CHANNELS];
static int32_t multiplier[EF_PACKED_MAX_CHANNELS];
static int32_t shift[EF_PACKED_MAX_CHANNELS];
static ef_requant_storage storage;

/* {batches, input h, w, depth, output depth, filter h, w, stride h, w, dilation, pad h, w, clamp} */
typedef struct {
    int32_t v[13];
} shape;

static ef_conv2d_params params_of(const shape *s, uint32_t *seed)
{
    ef_conv2d_params p;
    memset(&p, 0, sizeof p);
    p.batches = s->v[0];
    p.input_height = s->v[1];
    p.input_width = s->v[2];
    p.input_depth = s->v[3];
    p.filter_depth = s->v[3];
    p.output_depth = s->v[4];
    p.filter_height = s->v[5];
    p.filter_width = s->v[6];
    p.stride_height = s->v[7];
    p.stride_width = s->v[8];
    p.dilation_height = p.dilation_width = s->v[9];
    p.pad_height = s->v[10];
    p.pad_width = s->v[11];
    p.output_height =
        (p.input_height + 2 * p.pad_height - (p.filter_height - 1) * p.dilation_height - 1) / p.stride_height + 1;
    p.output_width =
        (p.input_width + 2 * p.pad_width - (p.filter_width - 1) * p.dilation_width - 1) / p.stride_width + 1;
    p.input_offset = (int32_t)(ef_test_random(seed) % 256u) - 127;
    p.output_offset = (int32_t)(ef_test_random(seed) % 256u) - 128;
    p.activation_min = s->v[12] ? -100 + (int32_t)(ef_test_random(seed) % 50u) : -128;
    p.activation_max = s->v[12] ? 100 - (int32_t)(ef_test_random(seed) % 50u) : 127;
    for (int32_t c = 0; c < p.output_depth; ++c) {
        bias[c] = (int32_t)(ef_test_random(seed) % 40001u) - 20000;
        multiplier[c] = (int32_t)((1u << 30) + (ef_test_random(seed) >> 2));
        shift[c] = -(int32_t)(ef_test_random(seed) % 6u) - 7;
    }
    p.output_multiplier = multiplier;
    p.output_shift = shift;
    return p;
}

static int32_t bytes_in(const ef_conv2d_params *p)
{
    return p->batches * p->input_height * p->input_width * p->input_depth;
}

static int32_t bytes_out(const ef_conv2d_params *p)
{
    return p->batches * p->output_height * p->output_width * p->output_depth;
}

/* Runs the packed kernel forward and in reverse, out of place and in place (the output at the largest, in reverse the
 * smallest, start the memory plan may give it), and compares every result with the oracle. */
static void check(const ef_conv2d_params *p, const char *what)
{
    ef_conv2d_packed_params q;
    ef_oracle_conv(p, input, filter, bias, expected);
    ef_test_expect_int("packable", 1, ef_packed_conv(p, filter, bias, &q, packed, &storage));
    ef_test_expect_int("scratch fits", 1, EF_CONV2D_PACKED_SCRATCH_BYTES(q.patch_stride) <= (int32_t)sizeof scratch);
    for (int32_t reverse = 0; reverse <= 1; ++reverse) {
        q.reverse = reverse;
        memset(output, 0x55, sizeof output);
        ef_test_expect_int("status", EF_OK, ef_conv2d_packed_s8(&q, input, packed, output, scratch));
        ef_test_expect_i8_array(what, expected, output, bytes_out(p));

        int32_t shift;
        if (reverse) {
            shift = ef_packed_conv_in_place_min_shift(&q);
            shift = shift < -bytes_out(p) ? -bytes_out(p) : shift; /* before that there is no overlap */
        } else {
            shift = ef_packed_conv_in_place_shift(&q);
            shift = shift > bytes_in(p) ? bytes_in(p) : shift;
        }
        const int32_t in_at = shift < 0 ? -shift : 0;
        memset(arena, 0x55, sizeof arena);
        memcpy(arena + in_at, input, (size_t)bytes_in(p));
        ef_test_expect_int("status in place", EF_OK,
                           ef_conv2d_packed_s8(&q, arena + in_at, packed, arena + in_at + shift, scratch));
        ef_test_expect_i8_array(reverse ? "in place, reverse" : "in place", expected, arena + in_at + shift,
                                bytes_out(p));
    }
}

static void test_sweep(void)
{
    static const shape shapes[] = {
        {{1, 5, 5, 8, 16, 1, 1, 1, 1, 1, 0, 0, 0}},  /* 1x1 widened from the image, odd pixel count, expands */
        {{1, 4, 4, 16, 8, 1, 1, 1, 1, 1, 0, 0, 0}},  /* 1x1 that shrinks */
        {{1, 3, 5, 6, 5, 1, 1, 1, 1, 1, 0, 0, 0}},   /* patch of 6 (not a multiple of 4), odd channels */
        {{1, 6, 6, 3, 8, 3, 3, 1, 1, 1, 1, 1, 0}},   /* 3x3 SAME on RGB: patch 27 */
        {{1, 7, 7, 16, 4, 3, 3, 2, 2, 1, 0, 0, 0}},  /* 3x3 stride 2 VALID */
        {{1, 8, 8, 8, 7, 3, 3, 2, 2, 1, 1, 1, 0}},   /* 3x3 stride 2 SAME, odd channels */
        {{1, 9, 6, 1, 12, 4, 3, 2, 2, 1, 1, 1, 0}},  /* KWS-like: one input channel, tall filter */
        {{1, 8, 8, 4, 6, 1, 1, 2, 2, 1, 0, 0, 0}},   /* 1x1 stride 2 (ResNet shortcut) */
        {{1, 7, 7, 4, 3, 3, 3, 1, 1, 2, 2, 2, 0}},   /* dilation 2 */
        {{2, 4, 5, 5, 9, 3, 2, 1, 2, 1, 1, 0, 0}},   /* two batches, rectangular filter */
        {{1, 5, 4, 12, 10, 3, 3, 1, 1, 1, 1, 1, 1}}, /* activation clamp narrower than int8 */
        {{1, 1, 1, 33, 1, 1, 1, 1, 1, 1, 0, 0, 0}},  /* one pixel, one channel, patch 33 */
        {{1, 2, 3, 64, 2, 1, 1, 1, 1, 1, 0, 0, 0}},  /* long patch */
        {{1, 3, 4, 12, 5, 1, 1, 1, 1, 1, 0, 0, 0}},  /* 1x1 of depth 12: widened from the image, one zero block */
    };
    uint32_t seed = 0x1234567u;
    ef_test_begin("conv2d_packed", "sweep_matches_oracle_in_and_out_of_place");
    for (int32_t i = 0; i < EF_ARRAY_LEN(shapes); ++i) {
        const ef_conv2d_params p = params_of(&shapes[i], &seed);
        ef_test_fill_random_i8(input, bytes_in(&p), &seed);
        ef_test_fill_random_i8(filter, p.output_depth * p.filter_height * p.filter_width * p.input_depth, &seed);
        check(&p, "output");
    }
    ef_test_end();
}

/* Extreme values: every input -128 or 127, weights +-127, zero point -128 (input offset 128), large biases; and
 * channels whose output cannot change (multiplier 0, a shift so large every value rounds to 0) or that are right
 * at the rounding ties of the second rounding step; channels with a huge bias whose output is another constant. */
static void test_extremes_and_constant_channels(void)
{
    uint32_t seed = 0xBEEFu;
    static const shape s = {{1, 4, 4, 8, 8, 3, 3, 1, 1, 1, 1, 1, 0}};
    ef_test_begin("conv2d_packed", "extremes_constant_channels_ties");
    ef_conv2d_params p = params_of(&s, &seed);
    p.input_offset = 128;
    for (int32_t i = 0; i < bytes_in(&p); ++i) {
        input[i] = (int8_t)(i % 3 == 0 ? 127 : -128);
    }
    for (int32_t i = 0; i < 8 * 72; ++i) {
        filter[i] = (int8_t)((i * 7) % 5 == 0 ? -127 : 127);
    }
    bias[0] = 1000000;
    bias[1] = -1000000;
    multiplier[2] = 0;
    shift[2] = 0;
    shift[3] = -28;
    multiplier[4] = 1 << 30; /* x 2^-8: ties of the second rounding step are frequent */
    shift[4] = -8;
    shift[5] = -1;
    bias[6] = 1500000000; /* a tiny scale with a huge bias: the output is a constant other than the offset */
    shift[6] = -26;
    bias[7] = -1500000000;
    shift[7] = -27;
    check(&p, "extremes");
    for (int32_t i = 0; i < bytes_in(&p); ++i) {
        input[i] = (int8_t)(-1 - i % 2);
    }
    check(&p, "near zero");
    ef_test_end();
}

void ef_suite_conv2d_packed(void)
{
    test_sweep();
    test_extremes_and_constant_channels();
}
