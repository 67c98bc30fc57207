/*
 * netduinoplus2-qemu: the STM32F405 as QEMU's `-M netduinoplus2` emulates it.
 *
 * What QEMU models matters here: USART1 works without clock setup (RCC is not emulated), DWT CYCCNT
 * reads 0, but TIM2 counts at 1 GHz of virtual time, so under `-icount shift=0` (one instruction per
 * virtual nanosecond) its counter advances exactly once per executed instruction: the firmware
 * measures its own instruction counts, repeatably. Exit is through semihosting SYS_EXIT_EXTENDED,
 * which ends QEMU with the program's exit code when QEMU runs with
 * `-semihosting-config enable=on,target=native`.
 */
#include "cortex_m.h"
#include "ef_board.h"

#define USART1_BASE 0x40011000u
#define USART1_SR EF_REG32(USART1_BASE + 0x00u)
#define USART1_DR EF_REG32(USART1_BASE + 0x04u)
#define USART1_BRR EF_REG32(USART1_BASE + 0x08u)
#define USART1_CR1 EF_REG32(USART1_BASE + 0x0Cu)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TXE (1u << 7)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_UE (1u << 13)

#define TIM2_BASE 0x40000000u
#define TIM2_CR1 EF_REG32(TIM2_BASE + 0x00u)
#define TIM2_EGR EF_REG32(TIM2_BASE + 0x14u)
#define TIM2_CNT EF_REG32(TIM2_BASE + 0x24u)
#define TIM2_PSC EF_REG32(TIM2_BASE + 0x28u)
#define TIM2_ARR EF_REG32(TIM2_BASE + 0x2Cu)
#define TIM_CR1_CEN (1u << 0)
#define TIM_EGR_UG (1u << 0)

#define SEMIHOSTING_SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

void ef_board_init(void)
{
    /* 115200 baud at the 16 MHz HSI the real chip would run on; QEMU ignores the rate. */
    USART1_BRR = 139u;
    USART1_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE;

    TIM2_PSC = 0u;
    TIM2_ARR = 0xFFFFFFFFu;
    TIM2_EGR = TIM_EGR_UG; /* load the prescaler */
    TIM2_CR1 = TIM_CR1_CEN;
}

const char *ef_board_id(void)
{
    return "netduinoplus2-qemu";
}

void ef_board_putc(char c)
{
    while ((USART1_SR & USART_SR_TXE) == 0u) {
    }
    USART1_DR = (uint8_t)c;
}

int ef_board_getc(void)
{
    while ((USART1_SR & USART_SR_RXNE) == 0u) {
    }
    return (int)(USART1_DR & 0xFFu);
}

uint32_t ef_board_counter(void)
{
    return TIM2_CNT;
}

const char *ef_board_counter_unit(void)
{
    return "instr";
}

void ef_board_exit(int code)
{
    volatile uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code};
    register uint32_t r0 __asm__("r0") = SEMIHOSTING_SYS_EXIT_EXTENDED;
    register volatile uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    for (;;) {
        /* Only reached when QEMU runs without semihosting. */
    }
}

void ef_board_fault(void)
{
    ef_board_write("\nfault\n");
    ef_board_exit(70);
}
