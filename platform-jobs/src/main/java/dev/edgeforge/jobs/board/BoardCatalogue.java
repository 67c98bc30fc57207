package dev.edgeforge.jobs.board;

import java.util.List;
import java.util.Optional;

/**
 * The boards EdgeForge supports. Sizes, clocks and memory maps match the linker scripts and clock setup in
 * {@code src/main/c/boards/<id>/}; flashing details are in each board's {@code README.md}.
 */
public final class BoardCatalogue {

    /** The emulated board every deployment is verified on. */
    public static final String QEMU_BOARD_ID = "netduinoplus2-qemu";

    private static final List<String> STLINK_TOOLS =
            List.of("ST-LINK drag-and-drop", "STM32CubeProgrammer", "st-flash", "OpenOCD");

    /** The emulated board's MCU: QEMU gives no current, so its energy is what a real STM32F405 would draw. */
    private static final RunPower STM32F405 = new RunPower(
            238,
            3.3,
            "STM32F405xx/407xx datasheet (DS8626): typical Run mode, code in flash with the ART accelerator, all"
                    + " peripherals disabled, 40 mA at 168 MHz (238 µA/MHz)");

    private final List<Board> boards;

    public BoardCatalogue(List<Board> boards) {
        this.boards = List.copyOf(boards);
        long distinct = this.boards.stream().map(Board::id).distinct().count();
        if (distinct != this.boards.size()) {
            throw new IllegalArgumentException("board ids must be unique");
        }
    }

    /** The boards that ship with EdgeForge. */
    public static BoardCatalogue standard() {
        return new BoardCatalogue(List.of(
                new Board(
                        QEMU_BOARD_ID,
                        "Netduino Plus 2 (QEMU)",
                        "STM32F405RG (as emulated by QEMU)",
                        CpuCore.CORTEX_M4F,
                        168_000_000L,
                        MemoryRegion.kib(0x0800_0000L, 1024),
                        MemoryRegion.kib(0x2000_0000L, 128),
                        "USART1, the first -serial of qemu-system-arm",
                        CounterKind.INSTRUCTIONS,
                        List.of("none: runs in qemu-system-arm -M netduinoplus2"),
                        Optional.of("netduinoplus2"),
                        STM32F405),
                stLink(
                        "nucleo-f446re",
                        "NUCLEO-F446RE",
                        "STM32F446RE",
                        CpuCore.CORTEX_M4F,
                        180_000_000L,
                        512,
                        128,
                        "USART2 PA2/PA3",
                        new RunPower(
                                211,
                                3.3,
                                "STM32F446xC/xE datasheet (DS10693): typical Run mode, code in flash with the ART"
                                        + " accelerator, all peripherals disabled, about 38 mA at 180 MHz (approximate:"
                                        + " not yet checked against the datasheet's table)")),
                stLink(
                        "nucleo-l4r5zi",
                        "NUCLEO-L4R5ZI",
                        "STM32L4R5ZI",
                        CpuCore.CORTEX_M4F,
                        120_000_000L,
                        2048,
                        640,
                        "LPUART1 PG7/PG8",
                        new RunPower(
                                110,
                                3.3,
                                "STM32L4R5xx datasheet (DS12023): Run mode, 110 µA/MHz (LDO mode), code in flash")),
                stLink(
                        "stm32f746g-disco",
                        "STM32F746G-DISCO",
                        "STM32F746NG",
                        CpuCore.CORTEX_M7F,
                        216_000_000L,
                        1024,
                        320,
                        "USART1 PA9/PB7",
                        new RunPower(
                                463,
                                3.3,
                                "STM32F745xx/746xx datasheet (DS10916): typical Run mode, code in flash with the ART"
                                        + " accelerator and L1 cache, all peripherals disabled, about 100 mA at 216 MHz"
                                        + " (approximate: not yet checked against the datasheet's table)")),
                new Board(
                        "arduino-nano-33-ble-sense",
                        "Arduino Nano 33 BLE Sense",
                        "nRF52840",
                        CpuCore.CORTEX_M4F,
                        64_000_000L,
                        // 1 MiB flash; the Arduino bootloader keeps the first 64 KiB.
                        MemoryRegion.kib(0x0001_0000L, 960),
                        MemoryRegion.kib(0x2000_0000L, 256),
                        "UARTE0 on pins D1/TX (P1.03) and D0/RX (P1.10), via a 3.3 V USB-serial adapter "
                                + "(the USB port needs the Arduino core's software CDC stack)",
                        CounterKind.CYCLES,
                        List.of(
                                "bossac (Arduino bootloader)",
                                "UF2 (UF2 bootloader, converted image)",
                                "SWD (J-Link, CMSIS-DAP)"),
                        Optional.empty(),
                        new RunPower(
                                52,
                                3.0,
                                "nRF52840 datasheet (Product Specification): CPU running CoreMark from flash at 64"
                                        + " MHz, DC/DC regulator at 3 V, 3.3 mA (52 µA/MHz)"))));
    }

    /**
     * An ST board flashed through its on-board ST-LINK: flash at {@code 0x0800_0000}, SRAM at {@code 0x2000_0000},
     * the DWT cycle counter, the console on the UART the ST-LINK's virtual COM port is wired to.
     */
    private static Board stLink(
            String id,
            String name,
            String mcu,
            CpuCore core,
            long clockHz,
            int flashKib,
            int ramKib,
            String uart,
            RunPower runPower) {
        return new Board(
                id,
                name,
                mcu,
                core,
                clockHz,
                MemoryRegion.kib(0x0800_0000L, flashKib),
                MemoryRegion.kib(0x2000_0000L, ramKib),
                uart + ", ST-LINK virtual COM port",
                CounterKind.CYCLES,
                STLINK_TOOLS,
                Optional.empty(),
                runPower);
    }

    public List<Board> all() {
        return boards;
    }

    public Optional<Board> find(String id) {
        return boards.stream().filter(board -> board.id().equals(id)).findFirst();
    }

    /** @throws BoardNotFoundException naming the known ids when {@code id} is not one of them */
    public Board byId(String id) {
        return find(id).orElseThrow(() ->
                new BoardNotFoundException(id, boards.stream().map(Board::id).toList()));
    }
}
