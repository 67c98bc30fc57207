/*
 * The names X-CUBE-AI's ai_platform.h, network.h and network_data(_params).h define as macros, each checked at
 * compile time (158 of them), and the platform's types and enums, used once each. It builds only when every
 * one is there; main() prints each check that gives a wrong value and returns how many did.
 */
#include <stdint.h>
#include <stdio.h>

#include "ai_datatypes_defines.h"
#include "network.h"
#include "network_data.h"
#include "network_data_params.h"

#ifndef AI_PLATFORM_API_MAJOR
#error AI_PLATFORM_API_MAJOR is missing
#endif
#ifndef AI_PLATFORM_API_MINOR
#error AI_PLATFORM_API_MINOR is missing
#endif
#ifndef AI_PLATFORM_API_MICRO
#error AI_PLATFORM_API_MICRO is missing
#endif
#ifndef AI_PLATFORM_API_VERSION
#error AI_PLATFORM_API_VERSION is missing
#endif
#ifndef AI_TOOLS_API_VERSION_MAJOR
#error AI_TOOLS_API_VERSION_MAJOR is missing
#endif
#ifndef AI_TOOLS_API_VERSION_MINOR
#error AI_TOOLS_API_VERSION_MINOR is missing
#endif
#ifndef AI_TOOLS_API_VERSION_MICRO
#error AI_TOOLS_API_VERSION_MICRO is missing
#endif
#ifndef AI_TOOLS_API_VERSION
#error AI_TOOLS_API_VERSION is missing
#endif
#ifndef AI_TOOLS_API_VERSION_1_3
#error AI_TOOLS_API_VERSION_1_3 is missing
#endif
#ifndef AI_TOOLS_API_VERSION_1_4
#error AI_TOOLS_API_VERSION_1_4 is missing
#endif
#ifndef AI_TOOLS_API_VERSION_1_5
#error AI_TOOLS_API_VERSION_1_5 is missing
#endif
#ifndef AI_API_DECLARE_BEGIN
#error AI_API_DECLARE_BEGIN is missing
#endif
#ifndef AI_API_DECLARE_END
#error AI_API_DECLARE_END is missing
#endif
#ifndef ai_register
#error ai_register is missing
#endif
#ifndef AI_FLAG_NONE
#error AI_FLAG_NONE is missing
#endif
#ifndef AI_CONCAT_ARG
#error AI_CONCAT_ARG is missing
#endif
#ifndef AI_CONCAT
#error AI_CONCAT is missing
#endif
#ifndef AI_CAST
#error AI_CAST is missing
#endif
#ifndef AI_MAGIC_SIGNATURE
#error AI_MAGIC_SIGNATURE is missing
#endif
#ifndef AI_PACK
#error AI_PACK is missing
#endif
#ifndef AI_SHAPE_BCWH
#error AI_SHAPE_BCWH is missing
#endif
#ifndef AI_API_ENTRY
#error AI_API_ENTRY is missing
#endif
#ifndef AI_ALIGNED
#error AI_ALIGNED is missing
#endif
#ifndef AI_HANDLE_PTR
#error AI_HANDLE_PTR is missing
#endif
#ifndef AI_HANDLE_NULL
#error AI_HANDLE_NULL is missing
#endif
#ifndef AI_HANDLE_FUNC_PTR
#error AI_HANDLE_FUNC_PTR is missing
#endif
#ifndef AI_UNUSED
#error AI_UNUSED is missing
#endif
#ifndef AI_DEPRECATED
#error AI_DEPRECATED is missing
#endif
#ifndef AI_LEGACY
#error AI_LEGACY is missing
#endif
#ifndef AI_MAGIC_MARKER
#error AI_MAGIC_MARKER is missing
#endif
#ifndef AI_STRUCT_INIT
#error AI_STRUCT_INIT is missing
#endif
#ifndef AI_C_ARRAY_INIT
#error AI_C_ARRAY_INIT is missing
#endif
#ifndef AI_ERROR_FMT
#error AI_ERROR_FMT is missing
#endif
#ifndef AI_IS_UNSIGNED
#error AI_IS_UNSIGNED is missing
#endif
#ifndef AI_CUSTOM_SIZE
#error AI_CUSTOM_SIZE is missing
#endif
#ifndef AI_NETWORK_PARAMS_INIT
#error AI_NETWORK_PARAMS_INIT is missing
#endif
#ifndef AI_NETWORK_BUFFERS_INIT
#error AI_NETWORK_BUFFERS_INIT is missing
#endif
#ifndef AI_PBITS_MASK
#error AI_PBITS_MASK is missing
#endif
#ifndef AI_PBITS_SHIFTS
#error AI_PBITS_SHIFTS is missing
#endif
#ifndef AI_PBITS_PADDED_BYTES_COUNT
#error AI_PBITS_PADDED_BYTES_COUNT is missing
#endif
#ifndef AI_PBITS_PADDED_WORDS_COUNT
#error AI_PBITS_PADDED_WORDS_COUNT is missing
#endif
#ifndef AI_PBITS_GET_WORD
#error AI_PBITS_GET_WORD is missing
#endif
#ifndef AI_PAD_CHANNELS
#error AI_PAD_CHANNELS is missing
#endif
#ifndef INTQ_CONST
#error INTQ_CONST is missing
#endif
#ifndef AI_INTQ_INFO_LIST
#error AI_INTQ_INFO_LIST is missing
#endif
#ifndef AI_INTQ_INFO_LIST_FLAGS
#error AI_INTQ_INFO_LIST_FLAGS is missing
#endif
#ifndef AI_INTQ_INFO_LIST_SIZE
#error AI_INTQ_INFO_LIST_SIZE is missing
#endif
#ifndef AI_HAS_INTQ_INFO_LIST
#error AI_HAS_INTQ_INFO_LIST is missing
#endif
#ifndef AI_INTQ_INFO_LIST_SCALE
#error AI_INTQ_INFO_LIST_SCALE is missing
#endif
#ifndef AI_INTQ_INFO_LIST_ZEROPOINT
#error AI_INTQ_INFO_LIST_ZEROPOINT is missing
#endif
#ifndef AI_BUFFER_META_HAS_INTQ_INFO
#error AI_BUFFER_META_HAS_INTQ_INFO is missing
#endif
#ifndef AI_BUFFER_META_FLAG_SCALE_FLOAT
#error AI_BUFFER_META_FLAG_SCALE_FLOAT is missing
#endif
#ifndef AI_BUFFER_META_FLAG_ZEROPOINT_U8
#error AI_BUFFER_META_FLAG_ZEROPOINT_U8 is missing
#endif
#ifndef AI_BUFFER_META_FLAG_ZEROPOINT_S8
#error AI_BUFFER_META_FLAG_ZEROPOINT_S8 is missing
#endif
#ifndef AI_BUFFER_META_FLAG_ZEROPOINT_U16
#error AI_BUFFER_META_FLAG_ZEROPOINT_U16 is missing
#endif
#ifndef AI_BUFFER_META_FLAG_ZEROPOINT_S16
#error AI_BUFFER_META_FLAG_ZEROPOINT_S16 is missing
#endif
#ifndef AI_BUFFER_FMT_MASK
#error AI_BUFFER_FMT_MASK is missing
#endif
#ifndef AI_BUFFER_FMT_TYPE_NONE
#error AI_BUFFER_FMT_TYPE_NONE is missing
#endif
#ifndef AI_BUFFER_FMT_TYPE_FLOAT
#error AI_BUFFER_FMT_TYPE_FLOAT is missing
#endif
#ifndef AI_BUFFER_FMT_TYPE_Q
#error AI_BUFFER_FMT_TYPE_Q is missing
#endif
#ifndef AI_BUFFER_FMT_TYPE_BOOL
#error AI_BUFFER_FMT_TYPE_BOOL is missing
#endif
#ifndef AI_BUFFER_FMT_FLAG_CONST
#error AI_BUFFER_FMT_FLAG_CONST is missing
#endif
#ifndef AI_BUFFER_FMT_FLAG_STATIC
#error AI_BUFFER_FMT_FLAG_STATIC is missing
#endif
#ifndef AI_BUFFER_FMT_FLAG_IS_IO
#error AI_BUFFER_FMT_FLAG_IS_IO is missing
#endif
#ifndef AI_BUFFER_FMT_FLAG_PERSISTENT
#error AI_BUFFER_FMT_FLAG_PERSISTENT is missing
#endif
#ifndef AI_BUFFER_FMT_PACK
#error AI_BUFFER_FMT_PACK is missing
#endif
#ifndef AI_BUFFER_FMT_UNPACK
#error AI_BUFFER_FMT_UNPACK is missing
#endif
#ifndef AI_BUFFER_FMT_OBJ
#error AI_BUFFER_FMT_OBJ is missing
#endif
#ifndef AI_BUFFER_FMT_GET_FLOAT
#error AI_BUFFER_FMT_GET_FLOAT is missing
#endif
#ifndef AI_BUFFER_FMT_GET_SIGN
#error AI_BUFFER_FMT_GET_SIGN is missing
#endif
#ifndef AI_BUFFER_FMT_GET_TYPE
#error AI_BUFFER_FMT_GET_TYPE is missing
#endif
#ifndef AI_BUFFER_FMT_GET_BITS
#error AI_BUFFER_FMT_GET_BITS is missing
#endif
#ifndef AI_BUFFER_FMT_SET_BITS
#error AI_BUFFER_FMT_SET_BITS is missing
#endif
#ifndef AI_BUFFER_FMT_GET_FBITS
#error AI_BUFFER_FMT_GET_FBITS is missing
#endif
#ifndef AI_BUFFER_FMT_SET_FBITS
#error AI_BUFFER_FMT_SET_FBITS is missing
#endif
#ifndef AI_BUFFER_FMT_SET
#error AI_BUFFER_FMT_SET is missing
#endif
#ifndef AI_BUFFER_FMT_SET_COMPLEX
#error AI_BUFFER_FMT_SET_COMPLEX is missing
#endif
#ifndef AI_BUFFER_FMT_SAME
#error AI_BUFFER_FMT_SAME is missing
#endif
#ifndef AI_BUFFER_FMT_GET
#error AI_BUFFER_FMT_GET is missing
#endif
#ifndef AI_BUFFER_FORMAT
#error AI_BUFFER_FORMAT is missing
#endif
#ifndef AI_SHAPE_EXTENSION
#error AI_SHAPE_EXTENSION is missing
#endif
#ifndef AI_SHAPE_DEPTH
#error AI_SHAPE_DEPTH is missing
#endif
#ifndef AI_SHAPE_HEIGHT
#error AI_SHAPE_HEIGHT is missing
#endif
#ifndef AI_SHAPE_WIDTH
#error AI_SHAPE_WIDTH is missing
#endif
#ifndef AI_SHAPE_CHANNEL
#error AI_SHAPE_CHANNEL is missing
#endif
#ifndef AI_SHAPE_IN_CHANNEL
#error AI_SHAPE_IN_CHANNEL is missing
#endif
#ifndef AI_SHAPE_BATCH
#error AI_SHAPE_BATCH is missing
#endif
#ifndef AI_SHAPE_TIME
#error AI_SHAPE_TIME is missing
#endif
#ifndef AI_BUFFER_WIDTH
#error AI_BUFFER_WIDTH is missing
#endif
#ifndef AI_BUFFER_HEIGHT
#error AI_BUFFER_HEIGHT is missing
#endif
#ifndef AI_BUFFER_CHANNELS
#error AI_BUFFER_CHANNELS is missing
#endif
#ifndef AI_BUFFER_N_BATCHES
#error AI_BUFFER_N_BATCHES is missing
#endif
#ifndef AI_BUFFER_DATA
#error AI_BUFFER_DATA is missing
#endif
#ifndef AI_BUFFER_META_INFO
#error AI_BUFFER_META_INFO is missing
#endif
#ifndef AI_BUFFER_META_INFO_INTQ
#error AI_BUFFER_META_INFO_INTQ is missing
#endif
#ifndef AI_BUFFER_META_INFO_INTQ_GET_SIZE
#error AI_BUFFER_META_INFO_INTQ_GET_SIZE is missing
#endif
#ifndef AI_BUFFER_META_INFO_INTQ_GET_SCALE
#error AI_BUFFER_META_INFO_INTQ_GET_SCALE is missing
#endif
#ifndef AI_BUFFER_META_INFO_INTQ_GET_ZEROPOINT
#error AI_BUFFER_META_INFO_INTQ_GET_ZEROPOINT is missing
#endif
#ifndef AI_BUFFER_META_INFO_INIT
#error AI_BUFFER_META_INFO_INIT is missing
#endif
#ifndef AI_BUFFER_SIZE
#error AI_BUFFER_SIZE is missing
#endif
#ifndef AI_BUFFER_SIZE_UNPAD
#error AI_BUFFER_SIZE_UNPAD is missing
#endif
#ifndef AI_BUFFER_BYTE_SIZE
#error AI_BUFFER_BYTE_SIZE is missing
#endif
#ifndef AI_BUFFER_FLAGS
#error AI_BUFFER_FLAGS is missing
#endif
#ifndef AI_BUFFER_SHAPE_INIT
#error AI_BUFFER_SHAPE_INIT is missing
#endif
#ifndef AI_BUFFER_SHAPE_INIT_FROM_ARRAY
#error AI_BUFFER_SHAPE_INIT_FROM_ARRAY is missing
#endif
#ifndef AI_BUFFER_SHAPE_SIZE
#error AI_BUFFER_SHAPE_SIZE is missing
#endif
#ifndef AI_BUFFER_SHAPE_TYPE
#error AI_BUFFER_SHAPE_TYPE is missing
#endif
#ifndef AI_BUFFER_SET_SHAPE_ELEM
#error AI_BUFFER_SET_SHAPE_ELEM is missing
#endif
#ifndef AI_BUFFER_SHAPE_ELEM
#error AI_BUFFER_SHAPE_ELEM is missing
#endif
#ifndef AI_BUFFER_OBJ_INIT
#error AI_BUFFER_OBJ_INIT is missing
#endif
#ifndef AI_BUFFER_INIT
#error AI_BUFFER_INIT is missing
#endif
#ifndef AI_BUFFER_INIT_STATIC
#error AI_BUFFER_INIT_STATIC is missing
#endif
#ifndef AI_NETWORK_BUFFERS_FIELD_DECLARE
#error AI_NETWORK_BUFFERS_FIELD_DECLARE is missing
#endif
#ifndef AI_NETWORK_PARAMS_FIELDS_DECLARE
#error AI_NETWORK_PARAMS_FIELDS_DECLARE is missing
#endif
#ifndef AI_BUFFER_ARRAY_OBJ_INIT
#error AI_BUFFER_ARRAY_OBJ_INIT is missing
#endif
#ifndef AI_BUFFER_ARRAY_OBJ_INIT_STATIC
#error AI_BUFFER_ARRAY_OBJ_INIT_STATIC is missing
#endif
#ifndef AI_BUFFER_ARRAY_SANE
#error AI_BUFFER_ARRAY_SANE is missing
#endif
#ifndef AI_BUFFER_ARRAY_FLAGS
#error AI_BUFFER_ARRAY_FLAGS is missing
#endif
#ifndef AI_BUFFER_ARRAY_SIZE
#error AI_BUFFER_ARRAY_SIZE is missing
#endif
#ifndef AI_BUFFER_ARRAY_ITEM
#error AI_BUFFER_ARRAY_ITEM is missing
#endif
#ifndef AI_BUFFER_ARRAY_ITEM_SET_ADDRESS
#error AI_BUFFER_ARRAY_ITEM_SET_ADDRESS is missing
#endif
#ifndef AI_ERROR_INIT
#error AI_ERROR_INIT is missing
#endif
#ifndef SSIZET_FMT
#error SSIZET_FMT is missing
#endif
#ifndef AII32_FMT
#error AII32_FMT is missing
#endif
#ifndef AIU32_FMT
#error AIU32_FMT is missing
#endif
#ifndef AII64_FMT
#error AII64_FMT is missing
#endif
#ifndef AIU64_FMT
#error AIU64_FMT is missing
#endif
#ifndef AI_VERSION
#error AI_VERSION is missing
#endif
#ifndef OUTPUT_PADDING_FLAG
#error OUTPUT_PADDING_FLAG is missing
#endif
#ifndef CHANNEL_FIRST_FLAG
#error CHANNEL_FIRST_FLAG is missing
#endif
#ifndef CHANNEL_PADDING_PATTERN
#error CHANNEL_PADDING_PATTERN is missing
#endif
#ifndef AI_NETWORK_MODEL_NAME
#error AI_NETWORK_MODEL_NAME is missing
#endif
#ifndef AI_NETWORK_ORIGIN_MODEL_NAME
#error AI_NETWORK_ORIGIN_MODEL_NAME is missing
#endif
#ifndef AI_NETWORK_ACTIVATIONS_ALIGNMENT
#error AI_NETWORK_ACTIVATIONS_ALIGNMENT is missing
#endif
#ifndef AI_NETWORK_IN_NUM
#error AI_NETWORK_IN_NUM is missing
#endif
#ifndef AI_NETWORK_OUT_NUM
#error AI_NETWORK_OUT_NUM is missing
#endif
#ifndef AI_NETWORK_IN_1_SIZE
#error AI_NETWORK_IN_1_SIZE is missing
#endif
#ifndef AI_NETWORK_IN_1_SIZE_BYTES
#error AI_NETWORK_IN_1_SIZE_BYTES is missing
#endif
#ifndef AI_NETWORK_OUT_1_SIZE
#error AI_NETWORK_OUT_1_SIZE is missing
#endif
#ifndef AI_NETWORK_OUT_1_SIZE_BYTES
#error AI_NETWORK_OUT_1_SIZE_BYTES is missing
#endif
#ifndef AI_NETWORK_IN_1_HEIGHT
#error AI_NETWORK_IN_1_HEIGHT is missing
#endif
#ifndef AI_NETWORK_IN_1_WIDTH
#error AI_NETWORK_IN_1_WIDTH is missing
#endif
#ifndef AI_NETWORK_IN_1_CHANNEL
#error AI_NETWORK_IN_1_CHANNEL is missing
#endif
#ifndef AI_NETWORK_IN_1_FORMAT
#error AI_NETWORK_IN_1_FORMAT is missing
#endif
#ifndef AI_NETWORK_OUT_1_FORMAT
#error AI_NETWORK_OUT_1_FORMAT is missing
#endif
#ifndef AI_NETWORK_DATA_CONFIG
#error AI_NETWORK_DATA_CONFIG is missing
#endif
#ifndef AI_NETWORK_DATA_ACTIVATIONS_SIZES
#error AI_NETWORK_DATA_ACTIVATIONS_SIZES is missing
#endif
#ifndef AI_NETWORK_DATA_ACTIVATIONS_SIZE
#error AI_NETWORK_DATA_ACTIVATIONS_SIZE is missing
#endif
#ifndef AI_NETWORK_DATA_ACTIVATIONS_COUNT
#error AI_NETWORK_DATA_ACTIVATIONS_COUNT is missing
#endif
#ifndef AI_NETWORK_DATA_ACTIVATION_1_SIZE
#error AI_NETWORK_DATA_ACTIVATION_1_SIZE is missing
#endif
#ifndef AI_NETWORK_DATA_WEIGHTS_SIZES
#error AI_NETWORK_DATA_WEIGHTS_SIZES is missing
#endif
#ifndef AI_NETWORK_DATA_WEIGHTS_SIZE
#error AI_NETWORK_DATA_WEIGHTS_SIZE is missing
#endif
#ifndef AI_NETWORK_DATA_WEIGHTS_COUNT
#error AI_NETWORK_DATA_WEIGHTS_COUNT is missing
#endif
#ifndef AI_NETWORK_DATA_WEIGHT_1_SIZE
#error AI_NETWORK_DATA_WEIGHT_1_SIZE is missing
#endif
#ifndef AI_NETWORK_DATA_ACTIVATIONS_TABLE_GET
#error AI_NETWORK_DATA_ACTIVATIONS_TABLE_GET is missing
#endif
#ifndef AI_NETWORK_DATA_WEIGHTS_TABLE_GET
#error AI_NETWORK_DATA_WEIGHTS_TABLE_GET is missing
#endif
#ifndef AI_NETWORK_DATA_ACTIVATIONS
#error AI_NETWORK_DATA_ACTIVATIONS is missing
#endif
#ifndef AI_NETWORK_DATA_WEIGHTS
#error AI_NETWORK_DATA_WEIGHTS is missing
#endif

/* File-scope initializers, the way generated code uses them. */
static ai_float scales[1] = {0.5f};
static ai_i8 zero_points[1] = {-3};
static ai_intq_info info = {scales, zero_points};
static ai_intq_info_list intq = {AI_BUFFER_META_FLAG_SCALE_FLOAT | AI_BUFFER_META_FLAG_ZEROPOINT_S8, 1, &info};
static ai_buffer_meta_info meta = AI_BUFFER_META_INFO_INIT(AI_BUFFER_META_HAS_INTQ_INFO, &intq);
static ai_buffer buffers[2] = {
    AI_BUFFER_INIT(AI_FLAG_NONE, AI_BUFFER_FORMAT_S8, AI_BUFFER_SHAPE_INIT(AI_SHAPE_BCWH, 4, 1, 3, 2, 1), 6, &meta, NULL),
    AI_BUFFER_OBJ_INIT(AI_BUFFER_FORMAT_U8, 1, 2, 3, 1, NULL),
};
static ai_buffer_array array = AI_BUFFER_ARRAY_OBJ_INIT(AI_FLAG_NONE, 2, buffers);
static ai_network_buffers network_buffers = AI_NETWORK_BUFFERS_INIT(
    AI_BUFFER_ARRAY_OBJ_INIT(AI_FLAG_NONE, 1, &buffers[1]), AI_BUFFER_ARRAY_OBJ_INIT(AI_FLAG_NONE, 1, &buffers[0]));
static const ai_pbits words[AI_PBITS_PADDED_WORDS_COUNT(33)] = {0};
static const ai_custom_type_signature signature = AI_CUSTOM_SIZE(ai_u32);
static const ai_handle_func no_function = NULL;
static const ai_scatter_nd_reduction reduction = AI_SCATTER_ND_NONE;
static const ai_upsample_mode upsample = AI_UPSAMPLE_NEAREST;
static const ai_resize_mode resize = AI_RESIZE_LINEAR;
static const ai_coord_transf_mode transform = AI_ALIGN_CORNERS;
static const ai_nearest_mode nearest = AI_ROUND_FLOOR;
static const ai_pad_mode pad = AI_PAD_EDGE;
static const ai_layer_format_type layer = AI_LAYER_FORMAT_CHANNEL_FIRST_SAME2;

/* Counts and names a check that gave the wrong value. */
#define WRONG(condition) \
    if (condition) { \
        printf("wrong: %s\n", #condition); \
        wrong++; \
    }

int main(void)
{
    int wrong = 0;
    /* the list as applications reach it: through a buffer's meta info */
    const ai_intq_info_list *list = AI_BUFFER_META_INFO_INTQ(buffers[0].meta_info);
    WRONG(list != &intq || !AI_HAS_INTQ_INFO_LIST(list) || AI_INTQ_INFO_LIST_SIZE(list) != 1);
    WRONG(AI_INTQ_INFO_LIST_SCALE(list, ai_float, 0) != 0.5f);
    WRONG(AI_INTQ_INFO_LIST_ZEROPOINT(list, ai_i8, 0) != -3);
    WRONG(AI_INTQ_INFO_LIST_SCALE(list, ai_float, 1) != 1.0f); /* past the list: 1 */
    WRONG(AI_BUFFER_META_INFO_INTQ_GET_ZEROPOINT(buffers[0].meta_info, 0) != -3);
    WRONG(AI_BUFFER_SHAPE_ELEM(&buffers[0], AI_SHAPE_CHANNEL) != 3);
    WRONG(AI_BUFFER_SIZE(&buffers[1]) != 6);
    WRONG(AI_BUFFER_ARRAY_SIZE(&array) != 2 || !ai_buffer_array_sane(&array));
    WRONG(ai_buffer_array_is_valid(&array)); /* no data yet */
    WRONG(network_buffers.map_signature != AI_MAGIC_SIGNATURE);
    WRONG(AI_BUFFER_FMT_GET_BITS(AI_BUFFER_FORMAT_S8) != 8 || !AI_BUFFER_FMT_GET_SIGN(AI_BUFFER_FORMAT_S8));
    WRONG(AI_PAD_CHANNELS(AI_BUFFER_FORMAT_S1, 33) != 64);
    WRONG(signature != 0x84); /* unsigned, 4 bytes */
    WRONG((int)sizeof words != 8);
    (void)no_function;
    (void)reduction;
    (void)upsample;
    (void)resize;
    (void)transform;
    (void)nearest;
    (void)pad;
    (void)layer;
    return wrong;
}
