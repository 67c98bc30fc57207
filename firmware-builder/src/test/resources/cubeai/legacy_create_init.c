/*
 * A test application written the way X-CUBE-AI's documentation showed before the application template existed and
 * as its 7.x API notes show: ai_network_create with AI_NETWORK_DATA_CONFIG, then ai_network_init with parameters
 * made by AI_NETWORK_PARAMS_INIT(AI_NETWORK_DATA_WEIGHTS(...), AI_NETWORK_DATA_ACTIVATIONS(...)); input and output
 * descriptors of its own made with AI_BUFFER_OBJ_INIT / AI_BUFFER_INIT; the address tables of network_data_params.h.
 * It knows nothing of EdgeForge's API beyond the serial protocol it serves after its checks ("check-failed <what>"
 * lines come before the banner).
 */
#include <stdint.h>
#include <string.h>

#include "network.h"
#include "network_data.h"
#include "network_data_params.h"

#include "ef_board.h"
#include "ef_serial_protocol.h"

AI_ALIGNED(4) static ai_u8 activations[AI_NETWORK_DATA_ACTIVATIONS_SIZE];
AI_ALIGNED(4) static ai_i8 in_data[AI_NETWORK_IN_1_SIZE];
AI_ALIGNED(4) static ai_i8 out_data[AI_NETWORK_OUT_1_SIZE];

/* Descriptors the pre-7.1 way (height, width, channels, batches) and the 7.1 way (shape, size, meta info). */
static ai_buffer legacy_input = AI_BUFFER_OBJ_INIT(AI_BUFFER_FORMAT_S8, AI_NETWORK_IN_1_HEIGHT, AI_NETWORK_IN_1_WIDTH,
                                                   AI_NETWORK_IN_1_CHANNEL, 1, NULL);
static ai_buffer new_output =
    AI_BUFFER_INIT(AI_FLAG_NONE, AI_BUFFER_FORMAT_S8,
                   AI_BUFFER_SHAPE_INIT(AI_SHAPE_BCWH, 4, 1, AI_NETWORK_OUT_1_CHANNEL, AI_NETWORK_OUT_1_WIDTH,
                                        AI_NETWORK_OUT_1_HEIGHT),
                   AI_NETWORK_OUT_1_SIZE, NULL, NULL);

static ai_handle network = AI_HANDLE_NULL;
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

static int create_and_init_legacy(void)
{
    ai_error err = ai_network_create(&network, AI_NETWORK_DATA_CONFIG);
    if (err.type != AI_ERROR_NONE) {
        return -1;
    }
    const ai_network_params params = AI_NETWORK_PARAMS_INIT(AI_NETWORK_DATA_WEIGHTS(ai_network_data_weights_get()),
                                                            AI_NETWORK_DATA_ACTIVATIONS(activations));
    if (!ai_network_init(network, &params)) {
        err = ai_network_get_error(network);
        ef_board_write("error init type=");
        ef_board_write_uint(err.type);
        ef_board_write(" code=");
        ef_board_write_uint(err.code);
        ef_board_putc('\n');
        return -1;
    }
    return 0;
}

static void check_other_ways(void)
{
    /* The 7.1 buffers form: AI_NETWORK_BUFFERS_INIT of two buffer arrays, on the network's own params. */
    ai_network_params from_data;
    check(ai_network_data_params_get(&from_data), "params_get");
    check(!ai_buffer_array_is_valid(&from_data.map_activations), "activations without an address are not valid");
    check(ai_buffer_array_is_valid(&from_data.map_weights), "built-in weights are valid");
    AI_BUFFER_ARRAY_ITEM_SET_ADDRESS(&from_data.map_activations, 0, activations);
    check(ai_buffer_array_is_valid(&from_data.map_activations), "activations with an address are valid");
    const ai_network_buffers buffers = AI_NETWORK_BUFFERS_INIT(
        AI_BUFFER_ARRAY_OBJ_INIT(AI_FLAG_NONE, AI_NETWORK_DATA_WEIGHTS_COUNT, from_data.map_weights.buffer),
        AI_BUFFER_ARRAY_OBJ_INIT(AI_FLAG_NONE, AI_NETWORK_DATA_ACTIVATIONS_COUNT, from_data.map_activations.buffer));
    check(buffers.map_signature == AI_MAGIC_SIGNATURE, "buffers signature");
    check(AI_BUFFER_ARRAY_SIZE(&buffers.map_activations) == AI_NETWORK_DATA_ACTIVATIONS_COUNT, "buffers size");

    /* The address tables: the application's activations in g_network_activations_table[1]. */
    check(g_network_activations_table[0] == AI_HANDLE_PTR(AI_MAGIC_MARKER)
              && g_network_activations_table[AI_NETWORK_DATA_ACTIVATIONS_COUNT + 1] == AI_HANDLE_PTR(AI_MAGIC_MARKER),
          "activations table markers");
    check(AI_NETWORK_DATA_WEIGHTS_TABLE_GET()[0] == ai_network_data_weights_get(), "weights table");
    ai_handle other = AI_HANDLE_NULL;
    check(ai_network_create_and_init(&other, AI_NETWORK_DATA_ACTIVATIONS_TABLE_GET(),
                                     AI_NETWORK_DATA_WEIGHTS_TABLE_GET())
                  .type == AI_ERROR_INIT_FAILED,
          "an empty activations table is refused");
    ai_network_destroy(other);
    g_network_activations_table[1] = AI_HANDLE_PTR(activations);
    check(ai_network_create_and_init(&other, AI_NETWORK_DATA_ACTIVATIONS_TABLE_GET(),
                                     AI_NETWORK_DATA_WEIGHTS_TABLE_GET())
                  .type == AI_ERROR_NONE,
          "create_and_init with the tables");
    check(ai_network_destroy(other) == AI_HANDLE_NULL, "destroy");

    check(strcmp(AI_NETWORK_MODEL_NAME, "network") == 0, "AI_NETWORK_MODEL_NAME");
    check(AI_BUFFER_SIZE(&legacy_input) == AI_NETWORK_IN_1_SIZE, "AI_BUFFER_OBJ_INIT size");
    check(AI_BUFFER_SHAPE_ELEM(&legacy_input, AI_SHAPE_CHANNEL) == AI_NETWORK_IN_1_CHANNEL, "AI_BUFFER_OBJ_INIT shape");
    check(AI_BUFFER_SHAPE_ELEM(&new_output, AI_SHAPE_WIDTH) == AI_NETWORK_OUT_1_WIDTH, "AI_BUFFER_SHAPE_INIT");
}

static ef_status invoke(void *context)
{
    (void)context;
    return ai_network_run(network, &legacy_input, &new_output) == 1 ? EF_OK : EF_ERROR_INVALID_ARGUMENT;
}

int main(void)
{
    ef_board_init();
    check_other_ways();
    if (create_and_init_legacy() != 0) {
        return 1;
    }
    legacy_input.data = AI_HANDLE_PTR(in_data);
    new_output.data = AI_HANDLE_PTR(out_data);
    const ef_protocol_model model = {
        .name = AI_NETWORK_ORIGIN_MODEL_NAME,
        .input = in_data,
        .input_size = AI_NETWORK_IN_1_SIZE,
        .output = out_data,
        .output_size = AI_NETWORK_OUT_1_SIZE,
        .invoke = invoke,
        .context = 0,
    };
    return failed_checks == 0 ? ef_protocol_serve(&model, 0) : 2;
}
