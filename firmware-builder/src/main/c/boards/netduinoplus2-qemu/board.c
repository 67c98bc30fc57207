/*
 * netduinoplus2-qemu: the STM32F405 as QEMU's `-M netduinoplus2` emulates it.
 *
 * What QEMU models matters here: USART1 works without clock setup (RCC is not emulated), DWT CYCCNT
 * reads 0, but TIM2 counts at 1 GHz of virtual time, so under `-icount shift=0` (one instruction per
 * virtual nanosecond) its counter advances exactly once per executed instruction: the firmware
 * measures its own instruction counts, repeatably (ef_board_config.h makes TIM2 the counter). The image checks
 * that at boot and names the counter `ns` when QEMU runs without -icount (TIM2 then follows the host's clock). The program
 * ends by printing its exit status and requesting a system reset, which ends QEMU when it runs with
 * `-no-reboot` (boards/common): no semihosting, so the guest has no way to the host's files or commands.
 *
 * Reception is interrupt-driven into a ring buffer, and ef_board_getc sleeps in WFI while it is empty. QEMU's
 * USART takes one byte at a time and a busy-polling CPU delays each delivery; sleeping hands the emulator its
 * I/O thread at once, which makes long `run` lines 3-5x faster. Nothing arrives during an inference (the host
 * waits for the answer), so the interrupt never disturbs the instruction counts.
 */
#include "cortex_m.h"
#include "ef_board.h"
#include "ef_board_config.h"

#define USART1_BASE 0x40011000u
#define USART1_SR EF_REG32(USART1_BASE + 0x00u)
#define USART1_DR EF_REG32(USART1_BASE + 0x04u)
#define USART1_BRR EF_REG32(USART1_BASE + 0x08u)
#define USART1_CR1 EF_REG32(USART1_BASE + 0x0Cu)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TXE (1u << 7)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR1_UE (1u << 13)
#define NVIC_ISER(n) EF_REG32(0xE000E100u + 4u * (n))

#define TIM2_BASE 0x40000000u
#define TIM2_CR1 EF_REG32(TIM2_BASE + 0x00u)
#define TIM2_EGR EF_REG32(TIM2_BASE + 0x14u)
#define TIM2_PSC EF_REG32(TIM2_BASE + 0x28u)
#define TIM2_ARR EF_REG32(TIM2_BASE + 0x2Cu)
#define TIM2_CNT_ADDRESS (TIM2_BASE + 0x24u)
#define TIM_CR1_CEN (1u << 0)
#define TIM_EGR_UG (1u << 0)

#define RX_BUFFER_SIZE 256u /* a power of two */

static volatile uint8_t rx_buffer[RX_BUFFER_SIZE];
static volatile uint32_t rx_head; /* written by the interrupt only */
static volatile uint32_t rx_tail; /* written by ef_board_getc only */

void ef_board_uart_irq(void);
void ef_board_uart_irq(void)
{
    while ((USART1_SR & USART_SR_RXNE) != 0u) {
        const uint8_t byte = (uint8_t)USART1_DR;
        if (rx_head - rx_tail < RX_BUFFER_SIZE) {
            rx_buffer[rx_head % RX_BUFFER_SIZE] = byte;
            rx_head++;
        }
        /* else: the host ignored the protocol's one-command-at-a-time rule; the byte is dropped */
    }
}

/* What TIM2 counts, found at boot: "instr" under -icount shift=0, else "ns" (see ef_board_counter_unit). */
static const char *counter_unit = "ns";

/* TIM2 around a loop of 2 * iterations instructions (subs, bne), read by the two loads at its ends. */
static uint32_t counter_around_loop(uint32_t iterations)
{
    uint32_t before;
    uint32_t after;
    __asm__ volatile("ldr %0, [%3]\n"
                     "1: subs %2, %2, #1\n"
                     "bne 1b\n"
                     "ldr %1, [%3]\n"
                     : "=&r"(before), "=&r"(after), "+r"(iterations)
                     : "r"(TIM2_CNT_ADDRESS)
                     : "cc", "memory");
    return after - before;
}

/* Under -icount shift=0 one instruction is one nanosecond of virtual time and TIM2 counts at 1 GHz, so loops of
 * 2,000 and 4,000 more instructions move it by exactly 2,000 and 4,000 more; without -icount virtual time follows
 * the host's clock and TIM2 counts nanoseconds, which never gives both differences exactly. The banner then says
 * `counter=ns` rather than claiming instructions. */
static const char *detect_counter_unit(void)
{
    const uint32_t base = counter_around_loop(1u);
    const uint32_t longer = counter_around_loop(1001u);
    const uint32_t longest = counter_around_loop(2001u);
    return (longer - base == 2000u && longest - base == 4000u) ? "instr" : "ns";
}

const char *ef_board_counter_unit(void)
{
    return counter_unit;
}

void ef_board_init(void)
{
    /* 115200 baud at the 16 MHz HSI the real chip would run on; QEMU ignores the rate. */
    USART1_BRR = 139u;
    USART1_CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
    NVIC_ISER(EF_BOARD_UART_IRQ / 32u) = 1u << (EF_BOARD_UART_IRQ % 32u);

    TIM2_PSC = 0u;
    TIM2_ARR = 0xFFFFFFFFu;
    TIM2_EGR = TIM_EGR_UG; /* load the prescaler */
    TIM2_CR1 = TIM_CR1_CEN;
    counter_unit = detect_counter_unit();
}

void ef_board_putc(char c)
{
    while ((USART1_SR & USART_SR_TXE) == 0u) {
    }
    USART1_DR = (uint8_t)c;
}

int ef_board_getc(void)
{
    for (;;) {
        /* Check and sleep with interrupts masked: a byte arriving between the check and WFI leaves its
         * interrupt pending, which still wakes WFI; it is taken as soon as interrupts are unmasked. */
        __asm__ volatile("cpsid i" ::: "memory");
        if (rx_tail != rx_head) {
            __asm__ volatile("cpsie i" ::: "memory");
            break;
        }
        __asm__ volatile("wfi" ::: "memory");
        __asm__ volatile("cpsie i" ::: "memory");
    }
    const uint8_t byte = rx_buffer[rx_tail % RX_BUFFER_SIZE];
    rx_tail++;
    return (int)byte;
}
