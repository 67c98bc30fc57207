/*
 * The parts of the board interface that are the same on every board, set by boards/<board>/ef_board_config.h:
 * the board id, the inference counter (the DWT cycle counter unless the board names another) and how the
 * program ends. The end is reported on the serial line (PROTOCOL.md: `exit <code>`), which is how the host
 * learns a firmware's exit status under QEMU: the emulator runs without semihosting, so the guest cannot reach
 * the host's files or commands.
 */
#include <stdint.h>
#include "cortex_m.h"
#include "ef_board.h"
#include "ef_board_config.h"

#ifndef EF_BOARD_COUNTER
#define EF_BOARD_COUNTER EF_DWT_CYCCNT
#define EF_BOARD_COUNTER_UNIT "cycles"
#endif

#ifndef EF_BOARD_EXIT_BY_RESET
#define EF_BOARD_EXIT_BY_RESET 0
#endif

/* The status ef_board_fault reports (EX_SOFTWARE of sysexits.h). */
#define EF_BOARD_FAULT_STATUS 70

const char *ef_board_id(void)
{
    return EF_BOARD_ID;
}

uint32_t ef_board_counter(void)
{
    return EF_BOARD_COUNTER;
}

#ifndef EF_BOARD_COUNTER_UNIT_DETECTED
const char *ef_board_counter_unit(void)
{
    return EF_BOARD_COUNTER_UNIT;
}
#endif

void ef_board_exit(int code)
{
    ef_board_write("exit ");
    ef_board_write_int(code);
    ef_board_putc('\n');
    if (EF_BOARD_EXIT_BY_RESET) {
        /* SYSRESETREQ (ARMv7-M AIRCR, with its write key); with -no-reboot QEMU ends instead of resetting. */
        ef_dsb();
        EF_SCB_AIRCR = 0x05FA0004u;
        ef_dsb();
    }
    for (;;) {
        __asm__ volatile("wfi");
    }
}

void ef_board_fault(void)
{
    ef_board_write("\nfault\n");
    ef_board_exit(EF_BOARD_FAULT_STATUS);
}
