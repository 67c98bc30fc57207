/*
 * Example application for the X-CUBE-AI API of an EdgeForge network, in the shape of X-CUBE-AI's application
 * template: a static activations pool, ai_network_create_and_init, the input and output buffers of the
 * application, ai_network_run. It runs on EdgeForge's board support (boards/common: ef_board.h for the serial
 * port, ef_serial_protocol.h for the line protocol), which the deployment builder links it with to measure the
 * memory report; replace those two with your own HAL in a CubeMX project.
 */
#include <stdint.h>

#include "ai_datatypes_defines.h"
#include "network.h"
#include "network_data.h"

#include "ef_board.h"
#include "ef_serial_protocol.h"

AI_ALIGNED(4) static ai_i8 data_in_1[AI_NETWORK_IN_1_SIZE_BYTES];
AI_ALIGNED(4) static ai_i8 data_out_1[AI_NETWORK_OUT_1_SIZE_BYTES];
AI_ALIGNED(32) static uint8_t pool0[AI_NETWORK_DATA_ACTIVATION_1_SIZE];
static ai_handle data_activations0[] = {pool0};

static ai_handle network = AI_HANDLE_NULL;
static ai_buffer *ai_input;
static ai_buffer *ai_output;

static void ai_log_err(const ai_error err, const char *fct)
{
    ef_board_write("error ai ");
    ef_board_write(fct);
    ef_board_write(" type=");
    ef_board_write_uint(err.type);
    ef_board_write(" code=");
    ef_board_write_uint(err.code);
    ef_board_putc('\n');
}

static int ai_boostrap(ai_handle *act_addr)
{
    ai_error err = ai_network_create_and_init(&network, act_addr, NULL);
    if (err.type != AI_ERROR_NONE) {
        ai_log_err(err, "ai_network_create_and_init");
        return -1;
    }
    ai_input = ai_network_inputs_get(network, NULL);
    ai_output = ai_network_outputs_get(network, NULL);
    ai_input[0].data = data_in_1;
    ai_output[0].data = data_out_1;
    return 0;
}

static ef_status ai_run(void *context)
{
    (void)context;
    if (ai_network_run(network, ai_input, ai_output) != 1) {
        ai_log_err(ai_network_get_error(network), "ai_network_run");
        return EF_ERROR_INVALID_ARGUMENT;
    }
    return EF_OK;
}

int main(void)
{
    ef_board_init();
    if (ai_boostrap(data_activations0) != 0) {
        return 1;
    }
    const ef_protocol_model model = {
        .name = AI_NETWORK_ORIGIN_MODEL_NAME,
        .input = (int8_t *)data_in_1,
        .input_size = AI_NETWORK_IN_1_SIZE_BYTES,
        .output = (const int8_t *)data_out_1,
        .output_size = AI_NETWORK_OUT_1_SIZE_BYTES,
        .invoke = ai_run,
        .context = 0,
    };
    return ef_protocol_serve(&model, 0);
}
