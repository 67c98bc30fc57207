/* arduino-nano-33-ble-sense: what the shared board code in boards/common needs to know about this board. */
#ifndef EF_BOARD_CONFIG_H
#define EF_BOARD_CONFIG_H

/* The catalogue id (BoardCatalogue), printed in the protocol banner. */
#define EF_BOARD_ID "arduino-nano-33-ble-sense"
/* Interrupt vectors of the nRF52840 after the 16 Cortex-M exceptions: the size of the vector table. */
#define EF_BOARD_IRQ_COUNT 48

/* Counter and exit: the defaults of boards/common (DWT cycle counter; sleep until reset). */

#endif /* EF_BOARD_CONFIG_H */
