/*
 * NUCLEO-F446RE: STM32F446RE, Cortex-M4F. SYSCLK 180 MHz from the PLL fed by the 16 MHz HSI (the board's
 * HSE comes from the ST-LINK MCO, which not every ST-LINK firmware enables, so HSI is the dependable
 * source). USART2 on PA2 (TX) / PA3 (RX), AF7, is wired to the ST-LINK virtual COM port.
 * Register addresses and bit positions: RM0390 (STM32F446xx reference manual).
 */
#include "cortex_m.h"
#include "ef_board.h"

#define RCC_BASE 0x40023800u
#define RCC_CR EF_REG32(RCC_BASE + 0x00u)
#define RCC_PLLCFGR EF_REG32(RCC_BASE + 0x04u)
#define RCC_CFGR EF_REG32(RCC_BASE + 0x08u)
#define RCC_AHB1ENR EF_REG32(RCC_BASE + 0x30u)
#define RCC_APB1ENR EF_REG32(RCC_BASE + 0x40u)
#define RCC_CR_HSION (1u << 0)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_AHB1ENR_GPIOAEN (1u << 0)
#define RCC_APB1ENR_USART2EN (1u << 17)
#define RCC_APB1ENR_PWREN (1u << 28)

#define PWR_BASE 0x40007000u
#define PWR_CR EF_REG32(PWR_BASE + 0x00u)
#define PWR_CSR EF_REG32(PWR_BASE + 0x04u)
#define PWR_CR_VOS_SCALE1 (3u << 14)
#define PWR_CR_ODEN (1u << 16)
#define PWR_CR_ODSWEN (1u << 17)
#define PWR_CSR_ODRDY (1u << 16)
#define PWR_CSR_ODSWRDY (1u << 17)

#define FLASH_ACR EF_REG32(0x40023C00u)
#define FLASH_ACR_LATENCY_5WS 5u
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

#define GPIOA_BASE 0x40020000u
#define GPIOA_MODER EF_REG32(GPIOA_BASE + 0x00u)
#define GPIOA_OSPEEDR EF_REG32(GPIOA_BASE + 0x08u)
#define GPIOA_PUPDR EF_REG32(GPIOA_BASE + 0x0Cu)
#define GPIOA_AFRL EF_REG32(GPIOA_BASE + 0x20u)

#define USART2_BASE 0x40004400u
#define USART2_SR EF_REG32(USART2_BASE + 0x00u)
#define USART2_DR EF_REG32(USART2_BASE + 0x04u)
#define USART2_BRR EF_REG32(USART2_BASE + 0x08u)
#define USART2_CR1 EF_REG32(USART2_BASE + 0x0Cu)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TXE (1u << 7)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_UE (1u << 13)

#define PCLK1_HZ 45000000u
#define BAUD 115200u

static void clock_init(void)
{
    RCC_APB1ENR |= RCC_APB1ENR_PWREN;
    (void)RCC_APB1ENR; /* read back: the enable takes effect before PWR is touched */
    PWR_CR |= PWR_CR_VOS_SCALE1;

    RCC_CR |= RCC_CR_HSION;
    while ((RCC_CR & RCC_CR_HSIRDY) == 0u) {
    }
    /* HSI 16 MHz / M=16 = 1 MHz; x N=360 = 360 MHz VCO; / P=2 = 180 MHz; Q=7, R=2 (unused). */
    RCC_PLLCFGR = 16u | (360u << 6) | (0u << 16) | (0u << 22) | (7u << 24) | (2u << 28);
    RCC_CR |= RCC_CR_PLLON;
    while ((RCC_CR & RCC_CR_PLLRDY) == 0u) {
    }
    /* 180 MHz needs over-drive mode. */
    PWR_CR |= PWR_CR_ODEN;
    while ((PWR_CSR & PWR_CSR_ODRDY) == 0u) {
    }
    PWR_CR |= PWR_CR_ODSWEN;
    while ((PWR_CSR & PWR_CSR_ODSWRDY) == 0u) {
    }
    FLASH_ACR = FLASH_ACR_LATENCY_5WS | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN;
    while ((FLASH_ACR & 0xFu) != FLASH_ACR_LATENCY_5WS) {
    }
    /* AHB /1 = 180 MHz, APB1 /4 = 45 MHz, APB2 /2 = 90 MHz, then switch SYSCLK to the PLL. */
    RCC_CFGR = (5u << 10) | (4u << 13);
    RCC_CFGR |= 2u;
    while (((RCC_CFGR >> 2) & 3u) != 2u) {
    }
}

static void uart_init(void)
{
    RCC_AHB1ENR |= RCC_AHB1ENR_GPIOAEN;
    RCC_APB1ENR |= RCC_APB1ENR_USART2EN;
    (void)RCC_APB1ENR;
    /* PA2, PA3: alternate function 7 (USART2), high speed, pull-up on RX. */
    GPIOA_MODER = (GPIOA_MODER & ~(0xFu << 4)) | (0xAu << 4);
    GPIOA_OSPEEDR |= 0xFu << 4;
    GPIOA_PUPDR = (GPIOA_PUPDR & ~(0xFu << 4)) | (0x4u << 4);
    GPIOA_AFRL = (GPIOA_AFRL & ~(0xFFu << 8)) | (0x77u << 8);
    USART2_BRR = (PCLK1_HZ + BAUD / 2u) / BAUD; /* 16x oversampling: BRR = fck / baud */
    USART2_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE;
}

void ef_board_init(void)
{
    clock_init();
    uart_init();
    ef_dwt_cycle_counter_start();
}

void ef_board_putc(char c)
{
    while ((USART2_SR & USART_SR_TXE) == 0u) {
    }
    USART2_DR = (uint8_t)c;
}

int ef_board_getc(void)
{
    while ((USART2_SR & USART_SR_RXNE) == 0u) {
    }
    return (int)(USART2_DR & 0xFFu);
}
