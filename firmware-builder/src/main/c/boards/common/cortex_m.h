/* Cortex-M system registers used by the startup code and the boards (ARMv7-M architecture manual). */
#ifndef EF_CORTEX_M_H
#define EF_CORTEX_M_H

#include <stdint.h>

#define EF_REG32(address) (*(volatile uint32_t *)(address))

#define EF_SCB_VTOR EF_REG32(0xE000ED08u)
#define EF_SCB_AIRCR EF_REG32(0xE000ED0Cu)
#define EF_SCB_CCR EF_REG32(0xE000ED14u)
#define EF_SCB_CPACR EF_REG32(0xE000ED88u)
#define EF_SCB_ICIALLU EF_REG32(0xE000EF50u)
#define EF_DEMCR EF_REG32(0xE000EDFCu)
#define EF_DWT_CTRL EF_REG32(0xE0001000u)
#define EF_DWT_CYCCNT EF_REG32(0xE0001004u)
#define EF_DWT_LAR EF_REG32(0xE0001FB0u)

static inline void ef_dsb(void)
{
    __asm__ volatile("dsb" ::: "memory");
}

static inline void ef_isb(void)
{
    __asm__ volatile("isb" ::: "memory");
}

/* Starts the DWT cycle counter (real hardware; QEMU's reads as 0). */
static inline void ef_dwt_cycle_counter_start(void)
{
    EF_DEMCR |= 1u << 24;     /* TRCENA */
    EF_DWT_LAR = 0xC5ACCE55u; /* CoreSight unlock: required on Cortex-M7, ignored on Cortex-M4 */
    EF_DWT_CYCCNT = 0u;
    EF_DWT_CTRL |= 1u; /* CYCCNTENA */
}

#endif /* EF_CORTEX_M_H */
