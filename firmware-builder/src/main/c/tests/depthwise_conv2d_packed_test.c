/* DEPTHWISE_CONV_2D on packed weights: the 3x3 assembly rows (stride 1 and 2), groups of fewer than 4 channels,
 * other filter sizes, padding on every edge, batches and the activation clamp, against the naive TFLM oracle, out of
 * place and in place. */
#include <string.h>
#include "ef_test.h"
#include "packed_support.h"
#include "ef_fixedpoint.h"

#define MAX_BYTES 1024

static int8_t input[MAX_BYTES];
static int8_t filter[1024];
static int8_t packed[1024];
static int8_t expected[MAX_BYTES];
static int8_t output[MAX_BYTES];
static int8_t arena[3 * MAX_BYTES];
static int32_t scratch[1024];
static int32_t bias[EF_PACKED_MAX_CHANNELS];
static int32_t multiplier[EF_PACKED_MAX_CHANNELS];
static int32_t shift[EF_PACKED_MAX_CHANNELS];
static ef_requant_storage storage;

/* {batches, input h, w, depth, filter h, w, stride h, w, pad h, w, clamp} */
typedef struct {
    int32_t v[11];
} shape;

static ef_depthwise_conv2d_params params_of(const shape *s, uint32_t *seed)
{
    ef_depthwise_conv2d_params p;
    memset(&p, 0, sizeof p);
    p.batches = s->v[0];
    p.input_height = s->v[1];
    p.input_width = s->v[2];
    p.input_depth = s->v[3];
    p.output_depth = s->v[3];
    p.depth_multiplier = 1;
    p.filter_height = s->v[4];
    p.filter_width = s->v[5];
    p.stride_height = s->v[6];
    p.stride_width = s->v[7];
    p.dilation_height = p.dilation_width = 1;
    p.pad_height = s->v[8];
    p.pad_width = s->v[9];
    /* TFLite SAME may pad one more row/column at the bottom/right than at the top/left. */
    p.output_height =
        (p.input_height + 2 * p.pad_height - p.filter_height + (s->v[8] > 0 ? 1 : 0)) / p.stride_height + 1;
    p.output_width = (p.input_width + 2 * p.pad_width - p.filter_width + (s->v[9] > 0 ? 1 : 0)) / p.stride_width + 1;
    p.input_offset = (int32_t)(ef_test_random(seed) % 256u) - 127;
    p.output_offset = (int32_t)(ef_test_random(seed) % 256u) - 128;
    p.activation_min = s->v[10] ? -90 : -128;
    p.activation_max = s->v[10] ? 60 : 127;
    for (int32_t c = 0; c < p.output_depth; ++c) {
        bias[c] = (int32_t)(ef_test_random(seed) % 40001u) - 20000;
        multiplier[c] = (int32_t)((1u << 30) + (ef_test_random(seed) >> 2));
        shift[c] = -(int32_t)(ef_test_random(seed) % 6u) - 4;
    }
    p.output_multiplier = multiplier;
    p.output_shift = shift;
    return p;
}

static int32_t bytes_in(const ef_depthwise_conv2d_params *p)
{
    return p->batches * p->input_height * p->input_width * p->input_depth;
}

static int32_t bytes_out(const ef_depthwise_conv2d_params *p)
{
    return p->batches * p->output_height * p->output_width * p->output_depth;
}

static void check(const ef_depthwise_conv2d_params *p, const char *what)
{
    ef_depthwise_conv2d_packed_params q;
    ef_oracle_depthwise(p, input, filter, bias, expected);
    ef_test_expect_int("packable", 1, ef_packed_depthwise(p, filter, bias, &q, packed, &storage));
    ef_test_expect_int(
        "scratch fits", 1,
        EF_DEPTHWISE_CONV2D_PACKED_SCRATCH_BYTES(q.filter_height, q.filter_width, q.padded_width, q.depth)
            <= (int32_t)sizeof scratch);
    memset(output, 0x55, sizeof output);
    ef_test_expect_int("status", EF_OK, ef_depthwise_conv2d_packed_s8(&q, input, packed, output, scratch));
    ef_test_expect_i8_array(what, expected, output, bytes_out(p));

    const int32_t d = ef_packed_depthwise_in_place_shift(&q);
    const int32_t shift_used = d > bytes_in(p) ? bytes_in(p) : d;
    const int32_t in_at = shift_used < 0 ? -shift_used : 0;
    memset(arena, 0x55, sizeof arena);
    memcpy(arena + in_at, input, (size_t)bytes_in(p));
    ef_test_expect_int("status in place", EF_OK,
                       ef_depthwise_conv2d_packed_s8(&q, arena + in_at, packed, arena + in_at + shift_used, scratch));
    ef_test_expect_i8_array("in place", expected, arena + in_at + shift_used, bytes_out(p));
}

static void test_sweep(void)
{
    static const shape shapes[] = {
        {{1, 6, 6, 8, 3, 3, 1, 1, 1, 1, 0}},  /* 3x3 SAME stride 1: the assembly row */
        {{1, 8, 8, 16, 3, 3, 2, 2, 0, 0, 0}}, /* 3x3 stride 2, TFLite SAME with no top/left padding */
        {{1, 7, 5, 8, 3, 3, 2, 2, 1, 1, 0}},  /* stride 2 with padding on every edge, odd sizes */
        {{1, 5, 5, 6, 3, 3, 1, 1, 1, 1, 0}},  /* 4 + 2 channels: one full group, one short */
        {{1, 4, 6, 3, 3, 3, 1, 1, 1, 1, 0}},  /* only a short group */
        {{1, 6, 7, 4, 5, 5, 1, 1, 2, 2, 0}},  /* 5x5 filter: the generic row */
        {{1, 5, 8, 5, 1, 3, 1, 2, 0, 1, 0}},  /* 1x3 filter, stride 2 across */
        {{2, 4, 4, 12, 3, 3, 1, 1, 1, 1, 0}}, /* two batches */
        {{1, 5, 5, 8, 3, 3, 1, 1, 1, 1, 1}},  /* activation clamp */
        {{1, 1, 1, 64, 3, 3, 1, 1, 1, 1, 0}}, /* one pixel, every tap but the centre is padding */
        {{1, 3, 3, 20, 3, 3, 1, 1, 1, 1, 0}}, /* 3x3 image, 5 groups */
    };
    uint32_t seed = 0x9E3779B9u;
    ef_test_begin("depthwise_conv2d_packed", "sweep_matches_oracle_in_and_out_of_place");
    for (int32_t i = 0; i < EF_ARRAY_LEN(shapes); ++i) {
        const ef_depthwise_conv2d_params p = params_of(&shapes[i], &seed);
        ef_test_fill_random_i8(input, bytes_in(&p), &seed);
        ef_test_fill_random_i8(filter, p.filter_height * p.filter_width * p.input_depth, &seed);
        check(&p, "output");
    }
    ef_test_end();
}

static void test_extremes(void)
{
    uint32_t seed = 0xC0FFEEu;
    static const shape s = {{1, 5, 5, 8, 3, 3, 1, 1, 1, 1, 0}};
    ef_test_begin("depthwise_conv2d_packed", "extremes_and_constant_channels");
    ef_depthwise_conv2d_params p = params_of(&s, &seed);
    p.input_offset = 128;
    for (int32_t i = 0; i < bytes_in(&p); ++i) {
        input[i] = (int8_t)(i % 2 == 0 ? 127 : -128);
    }
    for (int32_t i = 0; i < 72; ++i) {
        filter[i] = (int8_t)(i % 3 == 0 ? -127 : 127);
    }
    bias[0] = 2000000;
    multiplier[1] = 0;
    shift[1] = 0;
    shift[2] = -29;
    multiplier[3] = 1 << 30;
    shift[3] = -6;
    bias[4] = 2000000000;
    shift[4] = -25;
    check(&p, "extremes");
    ef_test_end();
}

void ef_suite_depthwise_conv2d_packed(void)
{
    test_sweep();
    test_extremes();
}
