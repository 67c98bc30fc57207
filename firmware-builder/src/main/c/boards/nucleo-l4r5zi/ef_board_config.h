/* nucleo-l4r5zi: what the shared board code in boards/common needs to know about this board. */
#ifndef EF_BOARD_CONFIG_H
#define EF_BOARD_CONFIG_H

/* The catalogue id (BoardCatalogue), printed in the protocol banner. */
#define EF_BOARD_ID "nucleo-l4r5zi"
/* Interrupt vectors of the STM32L4R5ZI after the 16 Cortex-M exceptions: the size of the vector table. */
#define EF_BOARD_IRQ_COUNT 95

/* Counter and exit: the defaults of boards/common (DWT cycle counter; sleep until reset). */

#endif /* EF_BOARD_CONFIG_H */
