/* Vector table of the STM32F405 (as emulated by QEMU):
 * the 16 Cortex-M exception vectors and its 82 interrupt vectors. No
 * interrupt is used except USART1's (IRQ 37), whose handler in board.c fills the receive buffer; every other
 * vector is the shared default handler. */
#include <stdint.h>

#define IRQ_COUNT 82

extern uint32_t _estack;
void ef_reset_handler(void);
void ef_default_handler(void);
void ef_board_usart1_irq(void);

typedef void (*ef_vector)(void);

__attribute__((section(".isr_vector"), used)) const ef_vector ef_vector_table[16 + IRQ_COUNT] = {
    [0] = (ef_vector)(uintptr_t)&_estack,
    [1] = ef_reset_handler,
    [2 ... 6] = ef_default_handler,      /* NMI, HardFault, MemManage, BusFault, UsageFault */
    [11] = ef_default_handler,           /* SVCall */
    [12] = ef_default_handler,           /* DebugMonitor */
    [14 ... 15] = ef_default_handler,    /* PendSV, SysTick */
    [16 ... 16 + 36] = ef_default_handler,
    [16 + 37] = ef_board_usart1_irq, /* USART1 global interrupt */
    [16 + 38 ... 16 + IRQ_COUNT - 1] = ef_default_handler,
};
