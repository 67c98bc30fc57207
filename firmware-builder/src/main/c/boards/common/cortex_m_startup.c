/*
 * Reset handler and default handlers shared by the Cortex-M boards. Each board's startup.c holds its
 * vector table (sized for its MCU) pointing here. Symbols come from the board's linker script.
 */
#include <stdint.h>
#include "cortex_m.h"
#include "ef_board.h"

extern uint32_t _sidata; /* load address of .data in flash */
extern uint32_t _sdata;
extern uint32_t _edata;
extern uint32_t _sbss;
extern uint32_t _ebss;
typedef void (*ef_vector)(void);
extern const ef_vector ef_vector_table[]; /* boards/<board>/startup.c */

int main(void);

void ef_reset_handler(void) __attribute__((noreturn));
void ef_default_handler(void) __attribute__((noreturn));

void ef_reset_handler(void)
{
    /* Every supported board has a single-precision FPU and the images use the hard-float ABI, so
     * the FPU (CP10, CP11 full access) must be on before the first floating-point instruction. */
    EF_SCB_CPACR |= (3u << 20) | (3u << 22);
    ef_dsb();
    ef_isb();

    /* Our own table, wherever the image was linked (the nRF52840 image sits behind a bootloader). */
    EF_SCB_VTOR = (uint32_t)(uintptr_t)ef_vector_table;

    const uint32_t *src = &_sidata;
    for (uint32_t *dst = &_sdata; dst < &_edata;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0u;
    }
    ef_board_exit(main());
}

void ef_default_handler(void)
{
    ef_board_fault();
}
