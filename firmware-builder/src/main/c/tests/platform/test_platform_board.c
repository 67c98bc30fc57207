/* Test output on a board (or QEMU): the board's serial port. main's return value becomes the exit
 * status through ef_board_exit, which reports it on the serial line (`exit <code>`). */
#include "ef_board.h"
#include "../ef_test.h"

void ef_test_platform_init(void)
{
    ef_board_init();
}

void ef_test_platform_putc(char c)
{
    ef_board_putc(c);
}
