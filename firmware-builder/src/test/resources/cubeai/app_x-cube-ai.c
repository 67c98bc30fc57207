/*
 * A test application written the way X-CUBE-AI's application template (app_x-cube-ai.c) uses a generated network:
 * static activations pool, ai_network_create_and_init, ai_network_inputs_get/outputs_get with the application's
 * own input and output buffers, ai_network_run, ai_network_get_error. It knows nothing of EdgeForge's API.
 *
 * Before serving the serial line protocol (run -> ai_network_run) it checks the API's behaviour; a failed check is
 * printed as "check-failed <what>" before the banner, which the Java test reports.
 */
#include <stdint.h>
#include <string.h>

#include "ai_datatypes_defines.h"
#include "network.h"
#include "network_data.h"

#include "ef_board.h"
#include "ef_serial_protocol.h"

AI_ALIGNED(4) ai_i8 data_in_1[AI_NETWORK_IN_1_SIZE_BYTES];
ai_i8 *data_ins[AI_NETWORK_IN_NUM] = {data_in_1};
AI_ALIGNED(4) ai_i8 data_out_1[AI_NETWORK_OUT_1_SIZE_BYTES];
ai_i8 *data_outs[AI_NETWORK_OUT_NUM] = {data_out_1};

AI_ALIGNED(32) static uint8_t pool0[AI_NETWORK_DATA_ACTIVATION_1_SIZE];
ai_handle data_activations0[] = {pool0};

static ai_handle network = AI_HANDLE_NULL;
static ai_buffer *ai_input;
static ai_buffer *ai_output;
static int failed_checks;

static void check(int ok, const char *what)
{
    if (!ok) {
        ef_board_write("check-failed ");
        ef_board_write(what);
        ef_board_putc('\n');
        failed_checks++;
    }
}

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
    for (int idx = 0; idx < AI_NETWORK_IN_NUM; idx++) {
        ai_input[idx].data = data_ins[idx];
    }
    for (int idx = 0; idx < AI_NETWORK_OUT_NUM; idx++) {
        ai_output[idx].data = data_outs[idx];
    }
    return 0;
}

static int ai_run(void)
{
    ai_i32 batch = ai_network_run(network, ai_input, ai_output);
    if (batch != 1) {
        ai_log_err(ai_network_get_error(network), "ai_network_run");
        return -1;
    }
    return 0;
}

/* The API's behaviour on errors and queries, before the real bootstrap. */
static void check_api(void)
{
    ai_handle h = AI_HANDLE_NULL;
    ai_error err = ai_network_create(&h, AI_NETWORK_DATA_CONFIG);
    check(err.type == AI_ERROR_NONE && h != AI_HANDLE_NULL, "create");
    ai_handle second = AI_HANDLE_NULL;
    err = ai_network_create(&second, AI_NETWORK_DATA_CONFIG);
    check(err.type == AI_ERROR_CREATE_FAILED && second == AI_HANDLE_NULL, "one instance at a time");

    ai_buffer *in = ai_network_inputs_get(h, NULL);
    check(ai_network_run(h, in, NULL) == 0, "run before init fails");
    err = ai_network_get_error(h);
    check(err.type == AI_ERROR_INVALID_STATE && err.code == AI_ERROR_CODE_MISSED_INIT, "missed-init error");
    err = ai_network_get_error(h);
    check(err.type == AI_ERROR_NONE, "get_error resets");

    ai_network_params params;
    check(ai_network_data_params_get(&params), "params_get");
    check(!ai_network_init(h, &params), "init without activations fails");
    err = ai_network_get_error(h);
    check(err.type == AI_ERROR_INIT_FAILED && err.code == AI_ERROR_CODE_NETWORK_ACTIVATIONS, "activations error");
    AI_BUFFER_ARRAY_ITEM_SET_ADDRESS(&params.map_activations, 0, pool0);
    AI_BUFFER_ARRAY_ITEM_SET_ADDRESS(&params.map_weights, 0, pool0);
    check(!ai_network_init(h, &params), "foreign weights refused");
    err = ai_network_get_error(h);
    check(err.code == AI_ERROR_CODE_NETWORK_WEIGHTS, "weights error");
    AI_BUFFER_ARRAY_ITEM_SET_ADDRESS(&params.map_weights, 0, ai_network_data_weights_get());
    check(ai_network_init(h, &params), "init with params");

    ai_network_report report;
    check(ai_network_get_report(h, &report), "report");
    check(strcmp(report.model_name, AI_NETWORK_ORIGIN_MODEL_NAME) == 0, "report name");
    check(report.n_inputs == AI_NETWORK_IN_NUM && report.n_outputs == AI_NETWORK_OUT_NUM, "report io");
    check(report.n_nodes == AI_NETWORK_N_NODES && report.n_macc > 0, "report nodes and MACs");
    check(report.inputs[0].size == AI_NETWORK_IN_1_SIZE, "report input size");
    check(AI_BUFFER_FORMAT(&report.inputs[0]) == AI_BUFFER_FMT_GET(AI_BUFFER_FORMAT_S8), "input format");
    check(AI_BUFFER_META_INFO_INTQ_GET_SIZE(report.inputs[0].meta_info) == 1, "input quantization");
    check(AI_BUFFER_META_INFO_INTQ_GET_SCALE(report.outputs[0].meta_info, 0) > 0.0f, "output scale");
    check(report.map_activations.buffer[0].data == (ai_handle)pool0, "report activations");
    check(report.inputs[0].data != NULL, "input in activations");
    check((uint8_t *)report.inputs[0].data >= pool0
              && (uint8_t *)report.inputs[0].data < pool0 + AI_NETWORK_DATA_ACTIVATIONS_SIZE,
          "input inside the pool");

    check(ai_network_destroy(h) == AI_HANDLE_NULL, "destroy");
    check(ai_network_destroy(h) == h, "destroy twice keeps the handle");
}

static ef_status invoke(void *context)
{
    (void)context;
    return ai_run() == 0 ? EF_OK : EF_ERROR_INVALID_ARGUMENT;
}

int main(void)
{
    ef_board_init();
    check_api();
    if (ai_boostrap(data_activations0) != 0) {
        return 1;
    }
    const ef_protocol_model model = {
        .name = AI_NETWORK_ORIGIN_MODEL_NAME,
        .input = (int8_t *)data_in_1,
        .input_size = AI_NETWORK_IN_1_SIZE_BYTES,
        .output = (const int8_t *)data_out_1,
        .output_size = AI_NETWORK_OUT_1_SIZE_BYTES,
        .invoke = invoke,
        .context = 0,
    };
    return failed_checks == 0 ? ef_protocol_serve(&model, 0) : 2;
}
