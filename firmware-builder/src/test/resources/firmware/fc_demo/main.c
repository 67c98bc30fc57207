/*
 * A hand-written two-layer int8 model (FULLY_CONNECTED 8->4 with ReLU, FULLY_CONNECTED 4->3) served over the
 * EdgeForge serial line protocol: the first end-to-end proof of boards + kernels + protocol, before the code
 * generator exists. FirmwareEndToEndIT checks its answers against values worked out by hand.
 *
 * Quantization: input zero point -1 (offset +1); hidden zero point -5 with ReLU (clamp [-5, 127]); output zero
 * point 0. Layer 1 per-channel multipliers x0.5, x0.25, x1, x0.7071/4; layer 2 x0.5 (per tensor).
 */
#include <stdint.h>
#include "ef_board.h"
#include "ef_serial_protocol.h"
#include "fully_connected.h"

#define Q30 ((int32_t)1 << 30)

static const int8_t fc1_weights[32] __attribute__((aligned(16))) = {
    1, 1, 1, 1, 1, 1, 1, 1,
    2, -1, 0, 3, -2, 1, 0, -1,
    -1, -1, -1, -1, 1, 1, 1, 1,
    4, 0, -3, 0, 2, 0, -1, 5,
};
static const int32_t fc1_bias[4] __attribute__((aligned(16))) = {10, -20, 0, 7};
static const int32_t fc1_multiplier[4] = {Q30, Q30, Q30, 1518500250};
static const int32_t fc1_shift[4] = {0, -1, 1, -2};
static const ef_fully_connected_params fc1 = {
    .batches = 1, .accum_depth = 8, .output_depth = 4,
    .input_offset = 1, .weights_offset = 0, .output_offset = -5,
    .activation_min = -5, .activation_max = 127,
    .output_multiplier = fc1_multiplier, .output_shift = fc1_shift,
};

static const int8_t fc2_weights[12] __attribute__((aligned(16))) = {
    3, -2, 1, 0,
    -1, 4, 2, -3,
    2, 2, -2, 1,
};
static const int32_t fc2_bias[3] __attribute__((aligned(16))) = {-6, 12, 3};
static const int32_t fc2_multiplier[3] = {Q30, Q30, Q30};
static const int32_t fc2_shift[3] = {0, 0, 0};
static const ef_fully_connected_params fc2 = {
    .batches = 1, .accum_depth = 4, .output_depth = 3,
    .input_offset = 5, .weights_offset = 0, .output_offset = 0,
    .activation_min = -128, .activation_max = 127,
    .output_multiplier = fc2_multiplier, .output_shift = fc2_shift,
};

/* The activation arena: input, hidden and output tensors. */
static int8_t input[8] __attribute__((aligned(16)));
static int8_t hidden[4];
static int8_t output[3];

/* Expected answer: 44 -38 42 (worked out in FirmwareEndToEndIT). */
static const int8_t boot_window[8] = {20, 10, 5, -3, 7, 12, -8, 1};

static ef_status invoke(void *context)
{
    (void)context;
    ef_status status = ef_fully_connected_s8(&fc1, input, fc1_weights, fc1_bias, hidden);
    if (status != EF_OK) {
        return status;
    }
    return ef_fully_connected_s8(&fc2, hidden, fc2_weights, fc2_bias, output);
}

int main(void)
{
    ef_board_init();
    const ef_protocol_model model = {
        .name = "fc-demo",
        .input = input,
        .input_size = (int32_t)sizeof input,
        .output = output,
        .output_size = (int32_t)sizeof output,
        .invoke = invoke,
        .context = 0,
    };
    return ef_protocol_serve(&model, boot_window);
}
