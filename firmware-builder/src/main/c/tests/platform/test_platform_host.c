/* Test output on the build machine (gcc): stdout. */
#include <stdio.h>
#include "../ef_test.h"

void ef_test_platform_init(void)
{
}

void ef_test_platform_putc(char c)
{
    putchar(c);
}
