/*
 * STM32F746G-DISCO: STM32F746NG, Cortex-M7 with single-precision FPv5. SYSCLK 216 MHz from the PLL fed by
 * the 16 MHz HSI (over-drive on). USART1 on PA9 (TX) / PB7 (RX), AF7, is wired to the ST-LINK virtual
 * COM port; it is clocked from HSI so its baud rate does not depend on SYSCLK. The instruction cache
 * is enabled (the data cache is left off: the firmware does no DMA, but keeping it off avoids any
 * coherency question for code added later). Register addresses and bit positions: RM0385.
 */
#include "cortex_m.h"
#include "ef_board.h"

#define RCC_BASE 0x40023800u
#define RCC_CR EF_REG32(RCC_BASE + 0x00u)
#define RCC_PLLCFGR EF_REG32(RCC_BASE + 0x04u)
#define RCC_CFGR EF_REG32(RCC_BASE + 0x08u)
#define RCC_AHB1ENR EF_REG32(RCC_BASE + 0x30u)
#define RCC_APB1ENR EF_REG32(RCC_BASE + 0x40u)
#define RCC_APB2ENR EF_REG32(RCC_BASE + 0x44u)
#define RCC_DCKCFGR2 EF_REG32(RCC_BASE + 0x90u)
#define RCC_CR_HSION (1u << 0)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_AHB1ENR_GPIOAEN (1u << 0)
#define RCC_AHB1ENR_GPIOBEN (1u << 1)
#define RCC_APB1ENR_PWREN (1u << 28)
#define RCC_APB2ENR_USART1EN (1u << 4)

#define PWR_BASE 0x40007000u
#define PWR_CR1 EF_REG32(PWR_BASE + 0x00u)
#define PWR_CSR1 EF_REG32(PWR_BASE + 0x04u)
#define PWR_CR1_VOS_SCALE1 (3u << 14)
#define PWR_CR1_ODEN (1u << 16)
#define PWR_CR1_ODSWEN (1u << 17)
#define PWR_CSR1_ODRDY (1u << 16)
#define PWR_CSR1_ODSWRDY (1u << 17)

#define FLASH_ACR EF_REG32(0x40023C00u)
#define FLASH_ACR_LATENCY_7WS 7u
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ARTEN (1u << 9)

#define GPIOA_BASE 0x40020000u
#define GPIOB_BASE 0x40020400u
#define GPIO_MODER(base) EF_REG32((base) + 0x00u)
#define GPIO_PUPDR(base) EF_REG32((base) + 0x0Cu)
#define GPIO_AFRL(base) EF_REG32((base) + 0x20u)
#define GPIO_AFRH(base) EF_REG32((base) + 0x24u)

#define USART1_BASE 0x40011000u
#define USART1_CR1 EF_REG32(USART1_BASE + 0x00u)
#define USART1_BRR EF_REG32(USART1_BASE + 0x0Cu)
#define USART1_ISR EF_REG32(USART1_BASE + 0x1Cu)
#define USART1_RDR EF_REG32(USART1_BASE + 0x24u)
#define USART1_TDR EF_REG32(USART1_BASE + 0x28u)
#define USART_CR1_UE (1u << 0)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_ISR_RXNE (1u << 5)
#define USART_ISR_TXE (1u << 7)

#define HSI_HZ 16000000u
#define BAUD 115200u

static void icache_enable(void)
{
    ef_dsb();
    ef_isb();
    EF_SCB_ICIALLU = 0u;
    ef_dsb();
    ef_isb();
    EF_SCB_CCR |= 1u << 17; /* IC */
    ef_dsb();
    ef_isb();
}

static void clock_init(void)
{
    RCC_APB1ENR |= RCC_APB1ENR_PWREN;
    (void)RCC_APB1ENR;
    PWR_CR1 |= PWR_CR1_VOS_SCALE1;
    RCC_CR |= RCC_CR_HSION;
    while ((RCC_CR & RCC_CR_HSIRDY) == 0u) {
    }
    /* HSI 16 MHz / M=8 = 2 MHz; x N=216 = 432 MHz VCO; / P=2 = 216 MHz; / Q=9 = 48 MHz. */
    RCC_PLLCFGR = 8u | (216u << 6) | (0u << 16) | (0u << 22) | (9u << 24);
    RCC_CR |= RCC_CR_PLLON;
    while ((RCC_CR & RCC_CR_PLLRDY) == 0u) {
    }
    PWR_CR1 |= PWR_CR1_ODEN;
    while ((PWR_CSR1 & PWR_CSR1_ODRDY) == 0u) {
    }
    PWR_CR1 |= PWR_CR1_ODSWEN;
    while ((PWR_CSR1 & PWR_CSR1_ODSWRDY) == 0u) {
    }
    FLASH_ACR = FLASH_ACR_LATENCY_7WS | FLASH_ACR_PRFTEN | FLASH_ACR_ARTEN;
    while ((FLASH_ACR & 0xFu) != FLASH_ACR_LATENCY_7WS) {
    }
    /* AHB /1 = 216 MHz, APB1 /4 = 54 MHz, APB2 /2 = 108 MHz, then SYSCLK = PLL. */
    RCC_CFGR = (5u << 10) | (4u << 13);
    RCC_CFGR |= 2u;
    while (((RCC_CFGR >> 2) & 3u) != 2u) {
    }
}

static void uart_init(void)
{
    RCC_AHB1ENR |= RCC_AHB1ENR_GPIOAEN | RCC_AHB1ENR_GPIOBEN;
    RCC_DCKCFGR2 = (RCC_DCKCFGR2 & ~3u) | 2u; /* USART1 clock = HSI */
    RCC_APB2ENR |= RCC_APB2ENR_USART1EN;
    (void)RCC_APB2ENR;
    /* PA9 (TX): AF7. */
    GPIO_MODER(GPIOA_BASE) = (GPIO_MODER(GPIOA_BASE) & ~(3u << 18)) | (2u << 18);
    GPIO_AFRH(GPIOA_BASE) = (GPIO_AFRH(GPIOA_BASE) & ~(0xFu << 4)) | (7u << 4);
    /* PB7 (RX): AF7, pull-up. */
    GPIO_MODER(GPIOB_BASE) = (GPIO_MODER(GPIOB_BASE) & ~(3u << 14)) | (2u << 14);
    GPIO_PUPDR(GPIOB_BASE) = (GPIO_PUPDR(GPIOB_BASE) & ~(3u << 14)) | (1u << 14);
    GPIO_AFRL(GPIOB_BASE) = (GPIO_AFRL(GPIOB_BASE) & ~(0xFu << 28)) | (7u << 28);
    USART1_BRR = (HSI_HZ + BAUD / 2u) / BAUD; /* 16x oversampling */
    USART1_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE;
}

void ef_board_init(void)
{
    icache_enable();
    clock_init();
    uart_init();
    ef_dwt_cycle_counter_start();
}

void ef_board_putc(char c)
{
    while ((USART1_ISR & USART_ISR_TXE) == 0u) {
    }
    USART1_TDR = (uint8_t)c;
}

int ef_board_getc(void)
{
    while ((USART1_ISR & USART_ISR_RXNE) == 0u) {
    }
    return (int)(USART1_RDR & 0xFFu);
}
