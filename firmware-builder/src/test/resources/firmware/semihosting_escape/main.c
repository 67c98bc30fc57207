/*
 * QemuBoxIT's hostile firmware: tries to reach the host through ARM semihosting, as code injected into a build
 * would. It prints "ready", then takes one command line:
 *   open <path>     SYS_OPEN the host file; if that gives a handle, SYS_READ it and print "read <hex>"
 *   system <cmd>    SYS_SYSTEM the host command
 * and prints what the call returned. Where QEMU offers no semihosting the BKPT 0xAB instruction faults instead
 * (the board's fault handler prints "fault" and ends the program with status 70).
 */
#include <stdint.h>
#include "ef_board.h"

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_READ 0x06
#define SYS_SYSTEM 0x12

static int32_t semihost(int32_t operation, void *block)
{
    register int32_t r0 __asm__("r0") = operation;
    register void *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static uint32_t length(const char *text)
{
    uint32_t n = 0;
    while (text[n] != '\0') {
        ++n;
    }
    return n;
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

static void read_line(char *line, uint32_t capacity)
{
    uint32_t n = 0;
    for (;;) {
        const int c = ef_board_getc();
        if (c == '\n') {
            line[n] = '\0';
            return;
        }
        if (n < capacity - 1u) {
            line[n++] = (char)c;
        }
    }
}

static void open_and_read(const char *path)
{
    uint32_t open_block[3] = {(uint32_t)(uintptr_t)path, 0u /* "r" */, length(path)};
    const int32_t handle = semihost(SYS_OPEN, open_block);
    ef_board_write("open-result ");
    ef_board_write_int(handle);
    ef_board_putc('\n');
    if (handle < 0) {
        return;
    }
    static uint8_t content[256];
    uint32_t read_block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)content, sizeof content};
    const int32_t not_read = semihost(SYS_READ, read_block);
    ef_board_write("read ");
    for (int32_t i = 0; i < (int32_t)sizeof content - not_read; ++i) {
        static const char digits[] = "0123456789abcdef";
        ef_board_putc(digits[content[i] >> 4]);
        ef_board_putc(digits[content[i] & 0xFu]);
    }
    ef_board_putc('\n');
    uint32_t close_block[1] = {(uint32_t)handle};
    (void)semihost(SYS_CLOSE, close_block);
}

static void run_command(const char *command)
{
    uint32_t block[2] = {(uint32_t)(uintptr_t)command, length(command)};
    const int32_t result = semihost(SYS_SYSTEM, block);
    ef_board_write("system-result ");
    ef_board_write_int(result);
    ef_board_putc('\n');
}

int main(void)
{
    static char line[512];
    ef_board_init();
    ef_board_write("ready\n");
    read_line(line, sizeof line);
    if (starts_with(line, "open ")) {
        open_and_read(line + 5);
    } else if (starts_with(line, "system ")) {
        run_command(line + 7);
    } else {
        ef_board_write("unknown\n");
    }
    return 0;
}
