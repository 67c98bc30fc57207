/* stm32f746g-disco: what the shared board code in boards/common needs to know about this board. */
#ifndef EF_BOARD_CONFIG_H
#define EF_BOARD_CONFIG_H

/* The catalogue id (BoardCatalogue), printed in the protocol banner. */
#define EF_BOARD_ID "stm32f746g-disco"
/* Interrupt vectors of the STM32F746NG after the 16 Cortex-M exceptions: the size of the vector table. */
#define EF_BOARD_IRQ_COUNT 98

/* Counter and exit: the defaults of boards/common (DWT cycle counter; sleep until reset). */

#endif /* EF_BOARD_CONFIG_H */
