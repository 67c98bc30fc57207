/* Vector table of the STM32F746NG:
 * the 16 Cortex-M exception vectors and its 98 interrupt vectors. No
 * interrupt is enabled by EdgeForge firmware, so every handler is the shared default one. */
#include <stdint.h>

#define IRQ_COUNT 98

extern uint32_t _estack;
void ef_reset_handler(void);
void ef_default_handler(void);

typedef void (*ef_vector)(void);

__attribute__((section(".isr_vector"), used)) const ef_vector ef_vector_table[16 + IRQ_COUNT] = {
    [0] = (ef_vector)(uintptr_t)&_estack,
    [1] = ef_reset_handler,
    [2 ... 6] = ef_default_handler,      /* NMI, HardFault, MemManage, BusFault, UsageFault */
    [11] = ef_default_handler,           /* SVCall */
    [12] = ef_default_handler,           /* DebugMonitor */
    [14 ... 15] = ef_default_handler,    /* PendSV, SysTick */
    [16 ... 16 + IRQ_COUNT - 1] = ef_default_handler,
};
