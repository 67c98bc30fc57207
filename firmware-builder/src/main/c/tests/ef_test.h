/*
 * A minimal test harness for the kernel tests, small enough to run on a Cortex-M in QEMU: no stdio,
 * output goes through ef_test_platform_putc (tests/platform/test_platform_host.c or test_platform_board.c).
 *
 * Output, one line each, parsed by the Java side (KernelTestsIT):
 *   ok <suite> <test>
 *   FAIL <suite> <test>: <what> [<index>] expected <e> got <a>
 *   summary tests=<n> failures=<f>
 */
#ifndef EF_TEST_H
#define EF_TEST_H

#include <stdint.h>

void ef_test_platform_init(void);
void ef_test_platform_putc(char c);

/* Starts a test case; the verdict line is printed by ef_test_end. */
void ef_test_begin(const char *suite, const char *test);
void ef_test_end(void);

void ef_test_expect_int(const char *what, int32_t expected, int32_t actual);
void ef_test_expect_i8_array(const char *what, const int8_t *expected, const int8_t *actual, int32_t n);
/* Float results compared bit for bit: the kernels must give exactly the float the math defines. */
void ef_test_expect_f32_array(const char *what, const float *expected, const float *actual, int32_t n);

int ef_test_failures(void);
void ef_test_print_summary(void);
int ef_test_count(void);

/* Deterministic pseudo-random int8 values (for sweep tests against an in-test oracle). */
uint32_t ef_test_random(uint32_t *state);
void ef_test_fill_random_i8(int8_t *data, int32_t n, uint32_t *state);

#define EF_ARRAY_LEN(a) ((int32_t)(sizeof(a) / sizeof((a)[0])))

#endif /* EF_TEST_H */
