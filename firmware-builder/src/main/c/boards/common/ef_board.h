/*
 * The board interface every firmware image links against. What differs per board (clock, serial port) is in
 * boards/<board>/board.c and its constants (id, vector count, counter, how it ends) in
 * boards/<board>/ef_board_config.h; the rest is shared in boards/common/. A build compiles every C file of
 * boards/common/ and of exactly one board folder, with both folders on the include path.
 */
#ifndef EF_BOARD_H
#define EF_BOARD_H

#include <stdint.h>

/* Clocks, the serial port (115200 8N1 on real boards) and the instruction/cycle counter. */
void ef_board_init(void);

/* The catalogue id of this board, e.g. "netduinoplus2-qemu". */
const char *ef_board_id(void);

/* Blocking serial output and input of one byte. */
void ef_board_putc(char c);
int ef_board_getc(void);

/* A free-running 32-bit counter; differences of two reads are exact modulo 2^32. */
uint32_t ef_board_counter(void);

/* What ef_board_counter counts: "instr" (QEMU TIM2 under -icount shift=0, checked at boot), "ns" (QEMU TIM2
 * without -icount: virtual nanoseconds that follow the host's clock) or "cycles" (DWT CYCCNT). */
const char *ef_board_counter_unit(void);

/* Ends the program: prints `exit <code>` on the serial line, then stops. Under QEMU (run with -no-reboot) the
 * board requests a system reset, which ends QEMU, and the host reads the status from that line; real boards
 * sleep until reset. */
void ef_board_exit(int code) __attribute__((noreturn));

/* Called on a fault or an unexpected interrupt: prints `fault`, then ends with status 70. */
void ef_board_fault(void) __attribute__((noreturn));

/* Helpers built on ef_board_putc (boards/common/ef_board_io.c). */
void ef_board_write(const char *text);
void ef_board_write_int(int32_t value);
void ef_board_write_uint(uint32_t value);

#endif /* EF_BOARD_H */
