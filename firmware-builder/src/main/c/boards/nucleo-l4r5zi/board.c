/*
 * NUCLEO-L4R5ZI: STM32L4R5ZI, Cortex-M4F. SYSCLK 120 MHz from the PLL fed by the 16 MHz HSI, in voltage
 * range 1 boost mode (required above 80 MHz). LPUART1 on PG7 (TX) / PG8 (RX), AF8, is wired to the
 * ST-LINK virtual COM port; port G pins 2..15 are powered from VDDIO2, which must be declared valid
 * (PWR_CR2.IOSV) before they work. LPUART1 is clocked from HSI16 so its baud rate does not depend on
 * SYSCLK. Register addresses and bit positions: RM0432 (STM32L4+ reference manual).
 */
#include "cortex_m.h"
#include "ef_board.h"

#define RCC_BASE 0x40021000u
#define RCC_CR EF_REG32(RCC_BASE + 0x00u)
#define RCC_CFGR EF_REG32(RCC_BASE + 0x08u)
#define RCC_PLLCFGR EF_REG32(RCC_BASE + 0x0Cu)
#define RCC_AHB2ENR EF_REG32(RCC_BASE + 0x4Cu)
#define RCC_APB1ENR1 EF_REG32(RCC_BASE + 0x58u)
#define RCC_APB1ENR2 EF_REG32(RCC_BASE + 0x5Cu)
#define RCC_CCIPR EF_REG32(RCC_BASE + 0x88u)
#define RCC_CR_HSION (1u << 8)
#define RCC_CR_HSIRDY (1u << 10)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_AHB2ENR_GPIOGEN (1u << 6)
#define RCC_APB1ENR1_PWREN (1u << 28)
#define RCC_APB1ENR2_LPUART1EN (1u << 0)

#define PWR_BASE 0x40007000u
#define PWR_CR2 EF_REG32(PWR_BASE + 0x04u)
#define PWR_CR5 EF_REG32(PWR_BASE + 0x80u)
#define PWR_CR2_IOSV (1u << 9)
#define PWR_CR5_R1MODE (1u << 8)

#define FLASH_ACR EF_REG32(0x40022000u)
#define FLASH_ACR_LATENCY_5WS 5u
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

#define GPIOG_BASE 0x48001800u
#define GPIOG_MODER EF_REG32(GPIOG_BASE + 0x00u)
#define GPIOG_PUPDR EF_REG32(GPIOG_BASE + 0x0Cu)
#define GPIOG_AFRL EF_REG32(GPIOG_BASE + 0x20u)
#define GPIOG_AFRH EF_REG32(GPIOG_BASE + 0x24u)

#define LPUART1_BASE 0x40008000u
#define LPUART1_CR1 EF_REG32(LPUART1_BASE + 0x00u)
#define LPUART1_BRR EF_REG32(LPUART1_BASE + 0x0Cu)
#define LPUART1_ISR EF_REG32(LPUART1_BASE + 0x1Cu)
#define LPUART1_RDR EF_REG32(LPUART1_BASE + 0x24u)
#define LPUART1_TDR EF_REG32(LPUART1_BASE + 0x28u)
#define USART_CR1_UE (1u << 0)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_ISR_RXNE (1u << 5)
#define USART_ISR_TXE (1u << 7)

#define HSI16_HZ 16000000u
#define BAUD 115200u

static void clock_init(void)
{
    RCC_APB1ENR1 |= RCC_APB1ENR1_PWREN;
    (void)RCC_APB1ENR1;
    RCC_CR |= RCC_CR_HSION;
    while ((RCC_CR & RCC_CR_HSIRDY) == 0u) {
    }
    /* Range 1 boost: first halve HCLK (AHB /2), then clear R1MODE, then raise the wait states. */
    RCC_CFGR = (RCC_CFGR & ~(0xFu << 4)) | (0x8u << 4);
    PWR_CR5 &= ~PWR_CR5_R1MODE;
    FLASH_ACR = FLASH_ACR_LATENCY_5WS | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN;
    while ((FLASH_ACR & 0xFu) != FLASH_ACR_LATENCY_5WS) {
    }
    /* HSI16 / M=1 = 16 MHz; x N=15 = 240 MHz VCO; / R=2 = 120 MHz on PLLCLK (PLLREN). */
    RCC_PLLCFGR = 2u | (0u << 4) | (15u << 8) | (1u << 24) | (0u << 25);
    RCC_CR |= RCC_CR_PLLON;
    while ((RCC_CR & RCC_CR_PLLRDY) == 0u) {
    }
    RCC_CFGR = (RCC_CFGR & ~3u) | 3u; /* SYSCLK = PLL, still AHB /2 */
    while (((RCC_CFGR >> 2) & 3u) != 3u) {
    }
    /* At least 1 us at the intermediate frequency before removing the AHB divider. */
    for (volatile uint32_t i = 0; i < 200u; ++i) {
    }
    RCC_CFGR &= ~(0xFu << 4); /* AHB /1 = 120 MHz; APB1 and APB2 /1 */
}

static void uart_init(void)
{
    PWR_CR2 |= PWR_CR2_IOSV;
    RCC_AHB2ENR |= RCC_AHB2ENR_GPIOGEN;
    RCC_CCIPR = (RCC_CCIPR & ~(3u << 10)) | (2u << 10); /* LPUART1 clock = HSI16 */
    RCC_APB1ENR2 |= RCC_APB1ENR2_LPUART1EN;
    (void)RCC_APB1ENR2;
    /* PG7 (TX), PG8 (RX): alternate function 8 (LPUART1), pull-up on RX. */
    GPIOG_MODER = (GPIOG_MODER & ~(0xFu << 14)) | (0xAu << 14);
    GPIOG_PUPDR = (GPIOG_PUPDR & ~(0x3u << 16)) | (0x1u << 16);
    GPIOG_AFRL = (GPIOG_AFRL & ~(0xFu << 28)) | (0x8u << 28);
    GPIOG_AFRH = (GPIOG_AFRH & ~0xFu) | 0x8u;
    /* LPUART: BRR = 256 * fck / baud = 35556 (0.0012 % error). */
    LPUART1_BRR = (uint32_t)(((uint64_t)HSI16_HZ * 256u + BAUD / 2u) / BAUD);
    LPUART1_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE;
}

void ef_board_init(void)
{
    clock_init();
    uart_init();
    ef_dwt_cycle_counter_start();
}

void ef_board_putc(char c)
{
    while ((LPUART1_ISR & USART_ISR_TXE) == 0u) {
    }
    LPUART1_TDR = (uint8_t)c;
}

int ef_board_getc(void)
{
    while ((LPUART1_ISR & USART_ISR_RXNE) == 0u) {
    }
    return (int)(LPUART1_RDR & 0xFFu);
}
