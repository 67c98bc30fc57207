#include <string.h>
#include "ef_test.h"

static const char *current_suite;
static const char *current_test;
static int current_failed;
static int total_tests;
static int total_failures;

static void put_text(const char *text)
{
    while (*text != '\0') {
        ef_test_platform_putc(*text++);
    }
}

static void put_int(int32_t value)
{
    char digits[11];
    int n = 0;
    uint32_t magnitude = value < 0 ? 0u - (uint32_t)value : (uint32_t)value;
    if (value < 0) {
        ef_test_platform_putc('-');
    }
    do {
        digits[n++] = (char)('0' + magnitude % 10u);
        magnitude /= 10u;
    } while (magnitude != 0u);
    while (n > 0) {
        ef_test_platform_putc(digits[--n]);
    }
}

static void put_hex32(uint32_t value)
{
    static const char hex[] = "0123456789abcdef";
    put_text("0x");
    for (int shift = 28; shift >= 0; shift -= 4) {
        ef_test_platform_putc(hex[(value >> shift) & 0xFu]);
    }
}

static void fail_header(const char *what)
{
    put_text("FAIL ");
    put_text(current_suite);
    ef_test_platform_putc(' ');
    put_text(current_test);
    put_text(": ");
    put_text(what);
}

void ef_test_begin(const char *suite, const char *test)
{
    current_suite = suite;
    current_test = test;
    current_failed = 0;
    ++total_tests;
}

void ef_test_end(void)
{
    if (current_failed) {
        ++total_failures;
    } else {
        put_text("ok ");
        put_text(current_suite);
        ef_test_platform_putc(' ');
        put_text(current_test);
        ef_test_platform_putc('\n');
    }
}

void ef_test_expect_int(const char *what, int32_t expected, int32_t actual)
{
    if (expected != actual) {
        current_failed = 1;
        fail_header(what);
        put_text(" expected ");
        put_int(expected);
        put_text(" got ");
        put_int(actual);
        ef_test_platform_putc('\n');
    }
}

void ef_test_expect_i8_array(const char *what, const int8_t *expected, const int8_t *actual, int32_t n)
{
    for (int32_t i = 0; i < n; ++i) {
        if (expected[i] != actual[i]) {
            current_failed = 1;
            fail_header(what);
            put_text(" [");
            put_int(i);
            put_text("] expected ");
            put_int(expected[i]);
            put_text(" got ");
            put_int(actual[i]);
            ef_test_platform_putc('\n');
            return; /* the first difference is enough to locate the bug */
        }
    }
}

void ef_test_expect_f32_array(const char *what, const float *expected, const float *actual, int32_t n)
{
    for (int32_t i = 0; i < n; ++i) {
        uint32_t e;
        uint32_t a;
        memcpy(&e, &expected[i], sizeof e);
        memcpy(&a, &actual[i], sizeof a);
        if (e != a) {
            current_failed = 1;
            fail_header(what);
            put_text(" [");
            put_int(i);
            put_text("] expected bits ");
            put_hex32(e);
            put_text(" got ");
            put_hex32(a);
            ef_test_platform_putc('\n');
            return;
        }
    }
}

int ef_test_failures(void)
{
    return total_failures;
}

int ef_test_count(void)
{
    return total_tests;
}

uint32_t ef_test_random(uint32_t *state)
{
    /* xorshift32: deterministic and identical on every target. */
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

void ef_test_fill_random_i8(int8_t *data, int32_t n, uint32_t *state)
{
    for (int32_t i = 0; i < n; ++i) {
        data[i] = (int8_t)((int32_t)((ef_test_random(state) >> 7) & 0xFFu) - 128);
    }
}

void ef_test_print_summary(void)
{
    put_text("summary tests=");
    put_int(total_tests);
    put_text(" failures=");
    put_int(total_failures);
    ef_test_platform_putc('\n');
}
