/* The buffer helpers declared in ai_platform.h (EdgeForge's subset of STM32Cube.AI's platform API). */
#include "ai_platform.h"

ai_size ai_buffer_get_size(const ai_buffer *buffer, const ai_bool with_padding)
{
    (void)with_padding;
    return buffer != NULL ? buffer->size : 0;
}

ai_size ai_buffer_get_byte_size(const ai_size count, const ai_buffer_format fmt)
{
    const ai_u32 bits = (ai_u32)AI_BUFFER_FMT_GET_BITS(fmt);
    return (ai_size)((count * bits + 7u) / 8u);
}

ai_bool ai_buffer_array_sane(const ai_buffer_array *barray)
{
    return barray != NULL && barray->size > 0 && barray->buffer != NULL;
}

ai_bool ai_buffer_array_is_empty(const ai_buffer_array *barray)
{
    return !ai_buffer_array_sane(barray);
}

ai_bool ai_buffer_array_is_valid(const ai_buffer_array *barray)
{
    if (!ai_buffer_array_sane(barray)) {
        return false;
    }
    for (ai_u16 i = 0; i < barray->size; ++i) {
        if (barray->buffer[i].data == NULL || barray->buffer[i].size == 0) {
            return false;
        }
    }
    return true;
}

ai_size ai_buffer_array_get_byte_size(const ai_buffer_array *barray)
{
    ai_size total = 0;
    if (ai_buffer_array_sane(barray)) {
        for (ai_u16 i = 0; i < barray->size; ++i) {
            total += ai_buffer_get_byte_size(barray->buffer[i].size, barray->buffer[i].format);
        }
    }
    return total;
}

ai_bool ai_buffer_array_item_set_address(ai_buffer_array *barray, const ai_u32 pos, ai_handle address)
{
    if (!ai_buffer_array_sane(barray) || pos >= barray->size) {
        return false;
    }
    barray->buffer[pos].data = address;
    return true;
}
