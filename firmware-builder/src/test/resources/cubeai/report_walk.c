/*
 * A test application that walks the network report the way X-CUBE-AI's documentation prints it: ai_network_get_report
 * after ai_network_create_and_init, then the model, the versions, each input and output (format, shape, size,
 * scale and zero point through the buffer's meta info) and the activations and weights arrays, with printf and the
 * platform's format macros (AIU32_FMT ...). It prints "report-end" and returns 0.
 */
#include <inttypes.h>
#include <stdio.h>

#include "ai_datatypes_defines.h"
#include "network.h"
#include "network_data.h"

AI_ALIGNED(32) static ai_u8 activations[AI_NETWORK_DATA_ACTIVATION_1_SIZE];

static const char *format_name(ai_buffer_format format)
{
    if (AI_BUFFER_FMT_SAME(format, AI_BUFFER_FORMAT_S8)) {
        return "int8";
    }
    if (AI_BUFFER_FMT_SAME(format, AI_BUFFER_FORMAT_FLOAT)) {
        return "float32";
    }
    return "other";
}

static void print_buffer(const char *what, int index, const ai_buffer *buffer)
{
    const ai_buffer_format format = AI_BUFFER_FORMAT(buffer);
    printf("%s %d: %s, " AIU32_FMT " elements, " AIU32_FMT " bytes, shape", what, index, format_name(format),
           (ai_u32)AI_BUFFER_SIZE(buffer), (ai_u32)AI_BUFFER_BYTE_SIZE(AI_BUFFER_SIZE(buffer), format));
    for (ai_u32 i = 0; i < AI_BUFFER_SHAPE_SIZE(buffer); i++) {
        printf(" " AIU32_FMT, (ai_u32)AI_BUFFER_SHAPE_ELEM(buffer, i));
    }
    const ai_buffer_meta_info *meta = AI_BUFFER_META_INFO(buffer);
    if (AI_BUFFER_META_INFO_INTQ(meta) != NULL) {
        const ai_float scale = AI_BUFFER_META_INFO_INTQ_GET_SCALE(meta, 0);
        const int zero_point = AI_BUFFER_META_INFO_INTQ_GET_ZEROPOINT(meta, 0);
        printf(", scale %d/1000000, zero point %d", (int)(scale * 1000000.0f + 0.5f), zero_point);
    }
    printf("\n");
}

int main(void)
{
    ai_handle network = AI_HANDLE_NULL;
    const ai_handle pools[] = {activations};
    ai_error err = ai_network_create_and_init(&network, pools, NULL);
    if (err.type != AI_ERROR_NONE) {
        printf("error create_and_init type=%d code=%d\n", (int)err.type, (int)err.code);
        return 1;
    }
    ai_network_report report;
    if (!ai_network_get_report(network, &report)) {
        printf("error get_report\n");
        return 1;
    }
    printf("model %s (c-name %s)\n", report.model_name, AI_NETWORK_MODEL_NAME);
    printf("signature %s\n", report.model_signature);
    printf("api %d.%d.%d\n", report.api_version.major, report.api_version.minor, report.api_version.micro);
    /* newlib-nano's printf has no 64-bit conversions: the count fits 32 bits here */
    printf("macc " AIU32_FMT "\n", (ai_u32)report.n_macc);
    printf("nodes " AIU32_FMT "\n", report.n_nodes);
    for (int i = 0; i < report.n_inputs; i++) {
        print_buffer("input", i, &report.inputs[i]);
    }
    for (int i = 0; i < report.n_outputs; i++) {
        print_buffer("output", i, &report.outputs[i]);
    }
    printf("activations " AIU32_FMT " buffers, " AIU32_FMT " bytes\n",
           (ai_u32)AI_BUFFER_ARRAY_SIZE(&report.map_activations),
           (ai_u32)ai_buffer_array_get_byte_size(&report.map_activations));
    for (ai_u32 i = 0; i < AI_BUFFER_ARRAY_SIZE(&report.map_activations); i++) {
        const ai_buffer *pool = AI_BUFFER_ARRAY_ITEM(&report.map_activations, i);
        printf("activations %d at offset %d\n", (int)i, (int)((ai_u8 *)pool->data - activations));
    }
    printf("weights " AIU32_FMT " bytes\n", (ai_u32)ai_buffer_array_get_byte_size(&report.map_weights));
    printf("report-end\n");
    ai_network_destroy(network);
    return 0;
}
