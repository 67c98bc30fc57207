/*
 * CONV_2D int8 on a packed stream for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference.
 *
 * Two output pixels at a time: their patches are widened to 16 bits (doubled, see ef_requant.h) into scratch,
 * interleaved block by block ([4 values of pixel 0][4 values of pixel 1] per block of 4), then the pair loop of
 * ef_gemm.h runs over the stream: each widened input word feeds two channels and each weight word two pixels, and the
 * requantization is fused. Windows inside the image whose filter rows are whole blocks are widened straight from
 * it; others are gathered first (ef_patch.h). With `reverse` the pairs run from the last pixel to the first.
 */
#include "conv2d_packed.h"
#include "ef_fixedpoint.h"
#include "ef_patch.h"
#include "ef_gemm.h"
#include "ef_simd.h"

/* Widens blocks of 4 int8 values (from .. end) to doubled 16-bit lanes in SXTB16 order (values 0,2 then 1,3): two
 * words per block, one block every `step` bytes at `to` (16: two pixels interleaved; 8: one pixel). */
// clang-format off
#define WIDEN(name, step)                                                                                              \
    static inline ef_word *name(const int8_t *from, const int8_t *end, ef_word *to)                                    \
    {                                                                                                                  \
        int32_t even;                                                                                                  \
        int32_t odd;                                                                                                   \
        __asm__ volatile("1:\n\t"                                                                                      \
                         "ldr    %[e], [%[from]], #4\n\t"                                                              \
                         "sxtb16 %[o], %[e], ror #8\n\t"                                                               \
                         "sxtb16 %[e], %[e]\n\t"                                                                       \
                         "sadd16 %[e], %[e], %[e]\n\t"                                                                 \
                         "sadd16 %[o], %[o], %[o]\n\t"                                                                 \
                         "strd   %[e], %[o], [%[to]], #" #step "\n\t"                                                  \
                         "cmp    %[from], %[end]\n\t"                                                                  \
                         "bne    1b\n\t"                                                                               \
                         : [from] "+r"(from), [to] "+r"(to), [e] "=&r"(even), [o] "=&r"(odd)                           \
                         : [end] "r"(end)                                                                              \
                         : "cc", "memory");                                                                            \
        return to;                                                                                                     \
    }
// clang-format on

WIDEN(widen_pair, 16)
WIDEN(widen_one, 8)

/* `blocks` (>= 1) blocks from `from` into the slot of pixel 0 or 1 of a pair (step 16), or of a lone pixel (8). */
static inline ef_word *widen(const int8_t *from, ef_word *to, int32_t blocks, int32_t step)
{
    return step == 16 ? widen_pair(from, from + 4 * blocks, to) : widen_one(from, from + 4 * blocks, to);
}

/* What loading one patch needs, computed once per call. */
typedef struct {
    const ef_conv2d_packed_params *p;
    int32_t blocks;                       /* blocks of 4 in the patch stride */
    int32_t row;                          /* bytes of one filter row (dilation 1): filter_width * input_depth */
    int32_t row_stride;                   /* bytes between the image rows of consecutive filter rows */
    int32_t direct;                       /* filter rows are whole blocks: widen straight from the image */
    int32_t tail;                         /* blocks past the filter rows (zeros) when direct */
    int32_t first_inside_y, end_inside_y; /* output rows and columns whose window lies inside the image */
    int32_t first_inside_x, end_inside_x;
    int8_t *gathered; /* patch_stride bytes, the tail past patch_size zero */
} patch_loader;

static int32_t ceil_div(int32_t a, int32_t b)
{
    return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

static void loader_init(patch_loader *l, const ef_conv2d_packed_params *p, int8_t *gathered)
{
    l->p = p;
    l->blocks = p->patch_stride / 4;
    l->row = p->filter_width * p->input_depth;
    l->row_stride = p->dilation_height * p->input_width * p->input_depth;
    l->direct = l->row % 4 == 0;
    l->tail = l->blocks - p->filter_height * (l->row / 4);
    /* out_y * stride - pad >= 0 and out_y * stride - pad + (fh - 1) * dh < input_height; the same across. */
    l->first_inside_y = ceil_div(p->pad_height, p->stride_height);
    l->end_inside_y =
        (p->input_height - 1 - (p->filter_height - 1) * p->dilation_height + p->pad_height) / p->stride_height + 1;
    l->first_inside_x = ceil_div(p->pad_width, p->stride_width);
    l->end_inside_x = p->dilation_width == 1 ? (p->input_width - p->filter_width + p->pad_width) / p->stride_width + 1
                                             : l->first_inside_x; /* dilated filters always take the generic path */
    if (p->input_height - 1 - (p->filter_height - 1) * p->dilation_height + p->pad_height < 0) {
        l->end_inside_y = 0;
    }
    if (p->input_width - p->filter_width + p->pad_width < 0) {
        l->end_inside_x = 0;
    }
    l->gathered = gathered;
    ef_patch_fill(gathered + p->patch_size, 0, p->patch_stride - p->patch_size);
}

/* The widened patch of output pixel (out_y, out_x) at `to` (every `step` words). */
static void load_patch(const patch_loader *l, const int8_t *image, int32_t out_y, int32_t out_x, ef_word *to,
                       int32_t step)
{
    const int32_t step_bytes = 4 * step;
    const ef_conv2d_packed_params *p = l->p;
    if (out_y >= l->first_inside_y && out_y < l->end_inside_y && out_x >= l->first_inside_x
        && out_x < l->end_inside_x) {
        const int8_t *from =
            image
            + ((out_y * p->stride_height - p->pad_height) * p->input_width + out_x * p->stride_width - p->pad_width)
                  * p->input_depth;
        if (l->direct) {
            /* Filter rows of whole blocks (most 3x3 layers): widened straight from the image. */
            const int32_t row_blocks = l->row / 4;
            for (int32_t fy = 0; fy < p->filter_height; ++fy) {
                to = widen(from, to, row_blocks, step_bytes);
                from += l->row_stride;
            }
            for (int32_t b = 0; b < l->tail; ++b) {
                to[0] = 0;
                to[1] = 0;
                to += step;
            }
            return;
        }
        for (int32_t fy = 0; fy < p->filter_height; ++fy) {
            ef_patch_copy(l->gathered + fy * l->row, from, l->row);
            from += l->row_stride;
        }
    } else {
        /* The window touches the padding (or the filter is dilated): tap by tap. */
        ef_patch_gather(p, image, out_y, out_x, l->gathered);
    }
    widen(l->gathered, to, l->blocks, step_bytes);
}

/* The activation clamp beyond int8 saturation, for layers that have one: a pass over the pixel's outputs. */
static void clamp_outputs(int8_t *out, int32_t count, const ef_conv2d_packed_params *p)
{
    for (int32_t k = 0; k < count; ++k) {
        out[k] = (int8_t)ef_clamp_i32(out[k], p->activation_min, p->activation_max);
    }
}

ef_status ef_conv2d_packed_s8(const ef_conv2d_packed_params *p, const int8_t *input, const int8_t *packed,
                              int8_t *output, void *scratch)
{
    ef_word *x = (ef_word *)scratch;
    int8_t *gathered = (int8_t *)scratch + 4 * p->patch_stride;
    const int32_t pixels = p->output_height * p->output_width;
    const int32_t image_bytes = p->input_height * p->input_width * p->input_depth;
    const int32_t depth = p->output_depth;
    const int32_t blocks = p->patch_stride / 4;
    const int32_t pairs = depth / 2;
    const int clamp = p->activation_min > -128 || p->activation_max < 127;
    /* A 1x1 convolution with stride 1, no padding and a depth multiple of 4: pixel p's patch is the input pixel p. */
    const int pointwise = p->filter_height == 1 && p->filter_width == 1 && p->stride_height == 1 && p->stride_width == 1
                          && p->pad_height == 0 && p->pad_width == 0 && p->input_depth % 4 == 0;
    const int32_t depth_blocks = p->input_depth / 4;
    const ef_word *stream_pairs_end = (const ef_word *)packed + pairs * (7 + 2 * blocks);
    ef_gemm_context context;
    context.x = x;
    context.w_end = stream_pairs_end;
    patch_loader loader;
    loader_init(&loader, p, gathered);
    for (int32_t k = 0; k < p->batches; ++k) {
        const int32_t batch = p->reverse ? p->batches - 1 - k : k;
        const int8_t *image = input + batch * image_bytes;
        int8_t *out = output + batch * pixels * depth;
        /* Pairs of pixels, and the last pixel alone when their count is odd; from the last in reverse. */
        const int32_t steps = (pixels + 1) / 2;
        for (int32_t j = 0; j < steps; ++j) {
            const int32_t pair = p->reverse ? steps - 1 - j : j;
            const int32_t pixel = 2 * pair;
            const int32_t count = pixel + 2 <= pixels ? 2 : 1;
            const int32_t step = count == 2 ? 16 : 8;
            for (int32_t i = 0; i < count; ++i) {
                if (pointwise) {
                    ef_word *to = widen(image + (pixel + i) * p->input_depth, x + 2 * i, depth_blocks, step);
                    for (int32_t b = depth_blocks; b < blocks; ++b) {
                        to[0] = 0;
                        to[1] = 0;
                        to += step / 4;
                    }
                } else {
                    const int32_t out_y = (pixel + i) / p->output_width;
                    const int32_t out_x = pixel + i - out_y * p->output_width;
                    load_patch(&loader, image, out_y, out_x, x + 2 * i, step / 4);
                }
            }
            int8_t *out0 = out + pixel * depth;
            const ef_word *w = (const ef_word *)packed;
            context.x_end = x + 2 * count * blocks;
            context.out0 = out0;
            context.out1 = out0 + depth;
            if (pairs > 0) {
                if (count == 2) {
                    ef_gemm_pairs_2px(&context, &w);
                } else {
                    ef_gemm_pairs_1px(&context, &w);
                }
            }
            if (depth % 2 != 0) {
                ef_gemm_last_channel(&context, count, w, blocks);
            }
            if (clamp) {
                clamp_outputs(out0, count * depth, p);
            }
        }
    }
    return EF_OK;
}
