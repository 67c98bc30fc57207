/*
 * QemuRunnerIT's firmware: prints "hello", echoes every line back upper-cased, exits with the status given by
 * "exit <n>", spins forever on "hang" (to test the time limit) and faults on "fault".
 */
#include <stdint.h>
#include "ef_board.h"

static int read_line(char *line, int capacity)
{
    int n = 0;
    for (;;) {
        const int c = ef_board_getc();
        if (c == '\n') {
            line[n] = '\0';
            return n;
        }
        if (n < capacity - 1) {
            line[n++] = (char)c;
        }
    }
}

static int starts_with(const char *text, const char *prefix)
{
    while (*prefix != '\0') {
        if (*text++ != *prefix++) {
            return 0;
        }
    }
    return 1;
}

/* Deliberately writable initialized data: .data, stored in flash and copied to RAM by the reset handler, so
 * the test also proves the copy works (and MapFileParserTest has a .data section to account for). */
static char greeting[] = "hello\n";

int main(void)
{
    char line[128];
    ef_board_init();
    ef_board_write(greeting);
    for (;;) {
        read_line(line, (int)sizeof line);
        if (starts_with(line, "exit ")) {
            int code = 0;
            for (const char *p = line + 5; *p >= '0' && *p <= '9'; ++p) {
                code = code * 10 + (*p - '0');
            }
            return code;
        }
        if (starts_with(line, "hang")) {
            for (;;) {
            }
        }
        if (starts_with(line, "fault")) {
            /* An undefined instruction: UsageFault, escalated to HardFault, handled by ef_default_handler. */
            __asm__ volatile(".short 0xde00");
        }
        for (char *p = line; *p != '\0'; ++p) {
            ef_board_putc(*p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
        }
        ef_board_putc('\n');
    }
}
