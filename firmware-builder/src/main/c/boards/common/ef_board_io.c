/* Text output helpers shared by all boards; no printf, so no newlib stdio in the image. */
#include "ef_board.h"

void ef_board_write(const char *text)
{
    while (*text != '\0') {
        ef_board_putc(*text++);
    }
}

void ef_board_write_uint(uint32_t value)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0u);
    while (n > 0) {
        ef_board_putc(digits[--n]);
    }
}

void ef_board_write_int(int32_t value)
{
    if (value < 0) {
        ef_board_putc('-');
        /* -(INT32_MIN) does not fit in int32; negate in unsigned arithmetic. */
        ef_board_write_uint(0u - (uint32_t)value);
    } else {
        ef_board_write_uint((uint32_t)value);
    }
}
