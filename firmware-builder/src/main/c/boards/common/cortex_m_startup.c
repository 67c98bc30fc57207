/*
 * Reset handler, default handler and the vector table of every Cortex-M board. The table is sized for the
 * board's MCU (EF_BOARD_IRQ_COUNT in boards/<board>/ef_board_config.h); every vector is the default handler
 * except the serial port's interrupt of a board that names one (EF_BOARD_UART_IRQ → ef_board_uart_irq in its
 * board.c). Symbols come from the board's linker script.
 */
#include <stdint.h>
#include "cortex_m.h"
#include "ef_board.h"
#include "ef_board_config.h"

extern uint32_t _sidata; /* load address of .data in flash */
extern uint32_t _sdata;
extern uint32_t _edata;
extern uint32_t _sbss;
extern uint32_t _ebss;
extern uint32_t _estack;

typedef void (*ef_vector)(void);

int main(void);

void ef_reset_handler(void) __attribute__((noreturn));
void ef_default_handler(void) __attribute__((noreturn));
#ifdef EF_BOARD_UART_IRQ
void ef_board_uart_irq(void);
#endif

__attribute__((section(".isr_vector"), used)) const ef_vector ef_vector_table[16 + EF_BOARD_IRQ_COUNT] = {
    [0] = (ef_vector)(uintptr_t)&_estack,
    [1] = ef_reset_handler,
    [2 ... 6] = ef_default_handler,   /* NMI, HardFault, MemManage, BusFault, UsageFault */
    [11] = ef_default_handler,        /* SVCall */
    [12] = ef_default_handler,        /* DebugMonitor */
    [14 ... 15] = ef_default_handler, /* PendSV, SysTick */
#ifdef EF_BOARD_UART_IRQ
    /* Ranges around the one handler, so that no initializer overrides another. */
    [16 ... 16 + EF_BOARD_UART_IRQ - 1] = ef_default_handler,
    [16 + EF_BOARD_UART_IRQ] = ef_board_uart_irq,
    [16 + EF_BOARD_UART_IRQ + 1 ... 16 + EF_BOARD_IRQ_COUNT - 1] = ef_default_handler,
#else
    [16 ... 16 + EF_BOARD_IRQ_COUNT - 1] = ef_default_handler,
#endif
};

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
