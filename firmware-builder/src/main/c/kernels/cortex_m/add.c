/*
 * ADD int8 for Cortex-M4/M7 (DSP extension). Bit-exact with kernels/reference/add.c.
 *
 * The same three MultiplyByQuantizedMultiplierSmallerThanOneExp, each as SMMULR on the doubled operand plus one
 * rounding shift, which is exact here whatever the params: an int8 input plus its offset, shifted left by
 * left_shift (20 in TFLite, at most 22 here), stays below 2^30 when doubled, so SaturatingRoundingDoublingHighMul is
 * SMMULR(2a, m) (see ef_requant.h), and its result, with the rounding constant and the sign bit, cannot overflow
 * either; the rescaled sum, doubled for the output multiplier, is checked once per call. Params outside that range
 * take the reference math. Elements are read and written in order, so the output
 * may start where an input starts, or before.
 */
#include "add.h"
#include "ef_fixedpoint.h"
#include "ef_simd.h"

/* One input or the sum rescaled: ((2a * multiplier + 2^31) >> 32 + rounding + (sign of a, when shift > 0)) >> shift,
 * with a given doubled. */
typedef struct {
    int32_t multiplier;
    int32_t rounding;  /* 2^(shift-1), 0 without a shift */
    int32_t sign_mask; /* -1 with a shift, 0 without */
    int32_t shift;     /* right shift, >= 0 */
} rescale;

static rescale rescale_of(int32_t multiplier, int32_t shift)
{
    rescale r;
    r.multiplier = multiplier;
    r.shift = -shift;
    r.rounding = r.shift > 0 ? (int32_t)1 << (r.shift - 1) : 0;
    r.sign_mask = r.shift > 0 ? -1 : 0;
    return r;
}

static inline int32_t apply(const rescale *r, int32_t doubled)
{
    int32_t high;
    __asm__("smmulr %0, %1, %2" : "=r"(high) : "r"(doubled), "r"(r->multiplier));
    return (high + r->rounding + ((doubled >> 31) & r->sign_mask)) >> r->shift;
}

/* The kernel's constants for one call, or 0 when the params need the reference math. */
typedef struct {
    rescale in1;
    rescale in2;
    rescale out;
    int32_t offset1; /* input offsets, shifted by left_shift + 1 */
    int32_t offset2;
    int32_t left_shift; /* left_shift + 1 */
} fast_add;

static int fast_of(const ef_add_params *p, fast_add *f)
{
    if (p->left_shift < 0 || p->left_shift > 22 || p->input1_shift > 0 || p->input2_shift > 0 || p->output_shift > 0
        || p->input1_multiplier < 0 || p->input2_multiplier < 0 || p->output_multiplier < 0) {
        return 0;
    }
    /* The rescaled inputs are at most (255 << left_shift) * multiplier / 2^(31 + shift) + 1 each; their sum is
     * doubled before the output multiplier. */
    const int64_t most1 = ((((int64_t)255 << p->left_shift) * p->input1_multiplier) >> 31 >> -p->input1_shift) + 1;
    const int64_t most2 = ((((int64_t)255 << p->left_shift) * p->input2_multiplier) >> 31 >> -p->input2_shift) + 1;
    if (2 * (most1 + most2) >= ((int64_t)1 << 31)) {
        return 0;
    }
    f->in1 = rescale_of(p->input1_multiplier, p->input1_shift);
    f->in2 = rescale_of(p->input2_multiplier, p->input2_shift);
    f->out = rescale_of(p->output_multiplier, p->output_shift);
    f->left_shift = p->left_shift + 1;
    f->offset1 = (int32_t)((uint32_t)p->input1_offset << f->left_shift);
    f->offset2 = (int32_t)((uint32_t)p->input2_offset << f->left_shift);
    return 1;
}

static inline int8_t add_fast(const fast_add *f, const ef_add_params *p, int32_t x, int32_t y)
{
    /* |input + offset| <= 255 and the shifts are at most 23, so these stay below 2^31. */
    const int32_t a = f->offset1 + x * ((int32_t)1 << f->left_shift);
    const int32_t b = f->offset2 + y * ((int32_t)1 << f->left_shift);
    const int32_t sum = apply(&f->in1, a) + apply(&f->in2, b);
    const int32_t out = apply(&f->out, 2 * sum) + p->output_offset;
    return (int8_t)ef_clamp_i32(out, p->activation_min, p->activation_max);
}

/* The reference math (reference_integer_ops::Add), for params the fast path does not cover. */
static int8_t add_reference(const ef_add_params *p, int8_t x, int8_t y)
{
    const int32_t shifted1 = ef_shl_wrap(p->input1_offset + x, (int)p->left_shift);
    const int32_t shifted2 = ef_shl_wrap(p->input2_offset + y, (int)p->left_shift);
    const int32_t scaled1 =
        ef_multiply_by_quantized_multiplier_smaller_than_one(shifted1, p->input1_multiplier, p->input1_shift);
    const int32_t scaled2 =
        ef_multiply_by_quantized_multiplier_smaller_than_one(shifted2, p->input2_multiplier, p->input2_shift);
    const int32_t raw =
        ef_multiply_by_quantized_multiplier_smaller_than_one(scaled1 + scaled2, p->output_multiplier, p->output_shift)
        + p->output_offset;
    return (int8_t)ef_min_i32(p->activation_max, ef_max_i32(p->activation_min, raw));
}

ef_status ef_add_s8(const ef_add_params *params, int32_t size, const int8_t *input1, const int8_t *input2,
                    int8_t *output)
{
    fast_add f;
    if (fast_of(params, &f)) {
        for (int32_t i = 0; i < size; ++i) {
            output[i] = add_fast(&f, params, input1[i], input2[i]);
        }
    } else {
        for (int32_t i = 0; i < size; ++i) {
            output[i] = add_reference(params, input1[i], input2[i]);
        }
    }
    return EF_OK;
}

ef_status ef_add_broadcast_s8(const ef_add_params *params, const ef_add_broadcast *bc, const int8_t *input1,
                              const int8_t *input2, int8_t *output)
{
    fast_add f;
    const int fast = fast_of(params, &f);
    int32_t index[EF_ADD_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
    int32_t total = 1;
    for (int d = 0; d < EF_ADD_MAX_DIMS; ++d) {
        total *= bc->output_dims[d];
    }
    int32_t offset1 = 0;
    int32_t offset2 = 0;
    for (int32_t out = 0; out < total; ++out) {
        output[out] = fast ? add_fast(&f, params, input1[offset1], input2[offset2])
                           : add_reference(params, input1[offset1], input2[offset2]);
        for (int d = EF_ADD_MAX_DIMS - 1; d >= 0; --d) {
            ++index[d];
            offset1 += bc->input1_strides[d];
            offset2 += bc->input2_strides[d];
            if (index[d] < bc->output_dims[d]) {
                break;
            }
            offset1 -= bc->input1_strides[d] * index[d];
            offset2 -= bc->input2_strides[d] * index[d];
            index[d] = 0;
        }
    }
    return EF_OK;
}
