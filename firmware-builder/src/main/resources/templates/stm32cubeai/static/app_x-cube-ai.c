/* USER CODE BEGIN header */
/*
 * The X-CUBE-AI application for the EdgeForge network in App/: the shape of the application template STM32CubeMX
 * generates (MX_X_CUBE_AI_Init, MX_X_CUBE_AI_Process, ai_boostrap, ai_run, data_ins/data_outs), so that it drops
 * into a CubeMX project in place of the generated one. Fill the USER CODE sections: acquire_and_process_data() writes
 * one input into data[0] (int8, AI_NETWORK_IN_1_SIZE_BYTES bytes, quantized with the input's scale and zero point),
 * post_process() reads the scores from data[0] (int8, AI_NETWORK_OUT_1_SIZE_BYTES bytes). As in the template, both
 * do nothing until you fill them, and a non-zero return ends the processing loop. Example/app_x-cube-ai.c is this
 * file with the sections filled for EdgeForge's serial protocol.
 * Written for EdgeForge from X-CUBE-AI's documented application template; it is not ST's file.
 */
/* USER CODE END header */

#ifdef __cplusplus
extern "C" {
#endif

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_x-cube-ai.h"
#include "main.h"
#include "ai_datatypes_defines.h"
#include "network.h"
#include "network_data.h"

/* USER CODE BEGIN includes */
/* USER CODE END includes */

/* The input and output buffers: inside the activations buffer when the network places them there
 * (AI_NETWORK_INPUTS_IN_ACTIVATIONS, as EdgeForge's network does), else buffers of the application. */
#if !defined(AI_NETWORK_INPUTS_IN_ACTIVATIONS)
AI_ALIGNED(4) ai_i8 data_in_1[AI_NETWORK_IN_1_SIZE_BYTES];
ai_i8 *data_ins[AI_NETWORK_IN_NUM] = {data_in_1};
#else
ai_i8 *data_ins[AI_NETWORK_IN_NUM] = {NULL};
#endif

#if !defined(AI_NETWORK_OUTPUTS_IN_ACTIVATIONS)
AI_ALIGNED(4) ai_i8 data_out_1[AI_NETWORK_OUT_1_SIZE_BYTES];
ai_i8 *data_outs[AI_NETWORK_OUT_NUM] = {data_out_1};
#else
ai_i8 *data_outs[AI_NETWORK_OUT_NUM] = {NULL};
#endif

/* The activations buffer: every intermediate tensor of the network. */
AI_ALIGNED(32) static uint8_t pool0[AI_NETWORK_DATA_ACTIVATION_1_SIZE];
ai_handle data_activations0[] = {pool0};

static ai_handle network = AI_HANDLE_NULL;
static ai_buffer *ai_input;
static ai_buffer *ai_output;

static void ai_log_err(const ai_error err, const char *fct)
{
    /* USER CODE BEGIN log */
    if (fct != NULL) {
        printf("TEMPLATE - Error (%s) - type=0x%02x code=0x%02x\r\n", fct, (unsigned)err.type, (unsigned)err.code);
    } else {
        printf("TEMPLATE - Error - type=0x%02x code=0x%02x\r\n", (unsigned)err.type, (unsigned)err.code);
    }
    for (;;) {
    }
    /* USER CODE END log */
}

/* Creates the network on the activations buffer and points data_ins/data_outs at its inputs and outputs (or the
 * network's buffer descriptors at the application's buffers). */
static int ai_boostrap(ai_handle *act_addr)
{
    ai_error err = ai_network_create_and_init(&network, act_addr, NULL);
    if (err.type != AI_ERROR_NONE) {
        ai_log_err(err, "ai_network_create_and_init");
        return -1;
    }
    ai_input = ai_network_inputs_get(network, NULL);
    ai_output = ai_network_outputs_get(network, NULL);
    for (int idx = 0; idx < AI_NETWORK_IN_NUM; idx++) {
#if defined(AI_NETWORK_INPUTS_IN_ACTIVATIONS)
        data_ins[idx] = ai_input[idx].data;
#else
        ai_input[idx].data = data_ins[idx];
#endif
    }
    for (int idx = 0; idx < AI_NETWORK_OUT_NUM; idx++) {
#if defined(AI_NETWORK_OUTPUTS_IN_ACTIVATIONS)
        data_outs[idx] = ai_output[idx].data;
#else
        ai_output[idx].data = data_outs[idx];
#endif
    }
    return 0;
}

/* One inference on the inputs in data_ins; the scores are in data_outs after it. */
static int ai_run(void)
{
    ai_i32 batch = ai_network_run(network, ai_input, ai_output);
    if (batch != 1) {
        ai_log_err(ai_network_get_error(network), "ai_network_run");
        return -1;
    }
    return 0;
}

/* USER CODE BEGIN 2 */
int acquire_and_process_data(ai_i8 *data[])
{
    /* Read a sensor, run the signal processing, and write the quantized input:
     *   for (int idx = 0; idx < AI_NETWORK_IN_NUM; idx++) { data[idx][...] = ...; }
     */
    (void)data;
    return 0;
}

int post_process(ai_i8 *data[])
{
    /* Act on the scores:
     *   for (int idx = 0; idx < AI_NETWORK_OUT_NUM; idx++) { ... data[idx][...] ... }
     */
    (void)data;
    return 0;
}
/* USER CODE END 2 */

void MX_X_CUBE_AI_Init(void)
{
    /* USER CODE BEGIN 5 */
    printf("\r\nTEMPLATE - initialization\r\n");
    ai_boostrap(data_activations0);
    /* USER CODE END 5 */
}

void MX_X_CUBE_AI_Process(void)
{
    /* USER CODE BEGIN 6 */
    int res = -1;
    printf("TEMPLATE - run - main loop\r\n");
    if (network != AI_HANDLE_NULL) {
        do {
            /* 1 - acquire and pre-process the input data */
            res = acquire_and_process_data(data_ins);
            /* 2 - run the network */
            if (res == 0) {
                res = ai_run();
            }
            /* 3 - post-process the predictions */
            if (res == 0) {
                res = post_process(data_outs);
            }
        } while (res == 0);
    }
    if (res != 0) {
        ai_error err = {AI_ERROR_INVALID_STATE, AI_ERROR_CODE_NETWORK};
        ai_log_err(err, "Process has FAILED");
    }
    /* USER CODE END 6 */
}

#ifdef __cplusplus
}
#endif
