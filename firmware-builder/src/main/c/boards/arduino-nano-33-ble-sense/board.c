/*
 * Arduino Nano 33 BLE Sense: nRF52840, Cortex-M4F at 64 MHz. The image is linked at 0x10000, behind the
 * Arduino bootloader, which jumps to it (our reset handler points VTOR at our own table).
 *
 * Serial: UARTE0 on the header pins D1/TX (P1.03) and D0/RX (P1.10), 115200 8N1, for a 3.3 V USB-serial
 * adapter. The board's USB port is a CDC device implemented in software by the Arduino core; a bare
 * image has no USB stack, so the line protocol uses the pins (see README.md).
 * The 64 MHz crystal oscillator (HFXO) is started so the UART baud rate is accurate.
 * Register addresses: nRF52840 Product Specification v1.7 (CLOCK, UARTE, GPIO).
 */
#include "cortex_m.h"
#include "ef_board.h"

#define CLOCK_BASE 0x40000000u
#define CLOCK_TASKS_HFCLKSTART EF_REG32(CLOCK_BASE + 0x000u)
#define CLOCK_EVENTS_HFCLKSTARTED EF_REG32(CLOCK_BASE + 0x100u)

#define UARTE0_BASE 0x40002000u
#define UARTE_TASKS_STARTRX EF_REG32(UARTE0_BASE + 0x000u)
#define UARTE_TASKS_STARTTX EF_REG32(UARTE0_BASE + 0x008u)
#define UARTE_TASKS_STOPTX EF_REG32(UARTE0_BASE + 0x00Cu)
#define UARTE_EVENTS_ENDRX EF_REG32(UARTE0_BASE + 0x110u)
#define UARTE_EVENTS_ENDTX EF_REG32(UARTE0_BASE + 0x120u)
#define UARTE_ENABLE EF_REG32(UARTE0_BASE + 0x500u)
#define UARTE_PSEL_RTS EF_REG32(UARTE0_BASE + 0x508u)
#define UARTE_PSEL_TXD EF_REG32(UARTE0_BASE + 0x50Cu)
#define UARTE_PSEL_CTS EF_REG32(UARTE0_BASE + 0x510u)
#define UARTE_PSEL_RXD EF_REG32(UARTE0_BASE + 0x514u)
#define UARTE_BAUDRATE EF_REG32(UARTE0_BASE + 0x524u)
#define UARTE_RXD_PTR EF_REG32(UARTE0_BASE + 0x534u)
#define UARTE_RXD_MAXCNT EF_REG32(UARTE0_BASE + 0x538u)
#define UARTE_TXD_PTR EF_REG32(UARTE0_BASE + 0x544u)
#define UARTE_TXD_MAXCNT EF_REG32(UARTE0_BASE + 0x548u)
#define UARTE_CONFIG EF_REG32(UARTE0_BASE + 0x56Cu)
#define UARTE_ENABLE_ENABLED 8u
#define UARTE_BAUDRATE_115200 0x01D60000u /* UARTE value (actual 115108 baud); legacy UART uses another */
#define PSEL_DISCONNECTED 0xFFFFFFFFu
#define PSEL(port, pin) (((uint32_t)(port) << 5) | (uint32_t)(pin))

#define P1_BASE 0x50000300u
#define P1_OUTSET EF_REG32(P1_BASE + 0x508u)
#define P1_DIRSET EF_REG32(P1_BASE + 0x518u)
#define TX_PIN 3u  /* P1.03 = D1/TX */
#define RX_PIN 10u /* P1.10 = D0/RX */

/* EasyDMA reads and writes RAM only, never flash: both buffers live in .bss. */
static volatile uint8_t tx_byte;
static volatile uint8_t rx_byte;

void ef_board_init(void)
{
    CLOCK_EVENTS_HFCLKSTARTED = 0u;
    CLOCK_TASKS_HFCLKSTART = 1u;
    while (CLOCK_EVENTS_HFCLKSTARTED == 0u) {
    }

    P1_OUTSET = 1u << TX_PIN; /* idle high before the UART takes the pin */
    P1_DIRSET = 1u << TX_PIN;
    UARTE_PSEL_TXD = PSEL(1, TX_PIN);
    UARTE_PSEL_RXD = PSEL(1, RX_PIN);
    UARTE_PSEL_RTS = PSEL_DISCONNECTED;
    UARTE_PSEL_CTS = PSEL_DISCONNECTED;
    UARTE_CONFIG = 0u; /* no parity, one stop bit, no flow control */
    UARTE_BAUDRATE = UARTE_BAUDRATE_115200;
    UARTE_ENABLE = UARTE_ENABLE_ENABLED;

    /* Reception runs continuously one byte at a time: after ENDRX the receiver keeps filling its FIFO
     * until the next STARTRX, which ef_board_getc issues right after taking the byte. */
    UARTE_RXD_PTR = (uint32_t)(uintptr_t)&rx_byte;
    UARTE_RXD_MAXCNT = 1u;
    UARTE_EVENTS_ENDRX = 0u;
    UARTE_TASKS_STARTRX = 1u;

    ef_dwt_cycle_counter_start();
}

void ef_board_putc(char c)
{
    tx_byte = (uint8_t)c;
    UARTE_TXD_PTR = (uint32_t)(uintptr_t)&tx_byte;
    UARTE_TXD_MAXCNT = 1u;
    UARTE_EVENTS_ENDTX = 0u;
    UARTE_TASKS_STARTTX = 1u;
    while (UARTE_EVENTS_ENDTX == 0u) {
    }
    UARTE_EVENTS_ENDTX = 0u;
    UARTE_TASKS_STOPTX = 1u;
}

int ef_board_getc(void)
{
    while (UARTE_EVENTS_ENDRX == 0u) {
    }
    UARTE_EVENTS_ENDRX = 0u;
    const int c = rx_byte;
    UARTE_TASKS_STARTRX = 1u;
    return c;
}
