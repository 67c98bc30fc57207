/* netduinoplus2-qemu: what the shared board code in boards/common needs to know about this board. */
#ifndef EF_BOARD_CONFIG_H
#define EF_BOARD_CONFIG_H

/* The catalogue id (BoardCatalogue), printed in the protocol banner. */
#define EF_BOARD_ID "netduinoplus2-qemu"
/* Interrupt vectors of the STM32F405 after the 16 Cortex-M exceptions: the size of the vector table. */
#define EF_BOARD_IRQ_COUNT 82
/* USART1's interrupt: the vector table points it at ef_board_uart_irq (board.c), which fills the receive buffer. */
#define EF_BOARD_UART_IRQ 37

/* TIM2's counter: under -icount shift=0 it advances once per executed instruction (see board.c). */
#define EF_BOARD_COUNTER EF_REG32(0x40000024u)
/* board.c names the counter after checking at boot that it counts instructions ("instr"), else "ns". */
#define EF_BOARD_COUNTER_UNIT_DETECTED 1

/* After printing its exit status the program requests a system reset, which ends QEMU (run with -no-reboot). */
#define EF_BOARD_EXIT_BY_RESET 1

#endif /* EF_BOARD_CONFIG_H */
