package dev.edgeforge.jobs.board;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A board EdgeForge builds ready-to-flash firmware for.
 *
 * @param id catalogue id, equal to the folder {@code src/main/c/boards/<id>/} (e.g. {@code nucleo-f446re})
 * @param name what a person calls it (e.g. {@code NUCLEO-F446RE})
 * @param mcu the microcontroller (e.g. {@code STM32F446RE})
 * @param core the CPU core, which gives the compiler flags and the kernel variant
 * @param clockHz the system clock the firmware configures
 * @param flash where the image goes (for the nRF52840 behind its bootloader: the application area)
 * @param ram the contiguous RAM the image may use (.data, .bss, the activation arena and the stack)
 * @param serialPort where the line protocol runs, for people (port, pins, how it reaches the host)
 * @param counter what the firmware's inference counter measures
 * @param flashingTools the tools that can flash it, in order of preference; the details are in the board's
 *     {@code README.md}, which goes into every firmware bundle
 * @param qemuMachine the {@code qemu-system-arm -M} machine when QEMU emulates the board
 * @param runPower the MCU's datasheet Run-mode current per MHz and supply voltage, for energy per inference
 */
public record Board(
        String id,
        String name,
        String mcu,
        CpuCore core,
        long clockHz,
        MemoryRegion flash,
        MemoryRegion ram,
        String serialPort,
        CounterKind counter,
        List<String> flashingTools,
        Optional<String> qemuMachine,
        RunPower runPower) {

    public Board {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mcu, "mcu");
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(flash, "flash");
        Objects.requireNonNull(ram, "ram");
        Objects.requireNonNull(serialPort, "serialPort");
        Objects.requireNonNull(counter, "counter");
        flashingTools = List.copyOf(flashingTools);
        Objects.requireNonNull(qemuMachine, "qemuMachine");
        Objects.requireNonNull(runPower, "runPower");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("board id must be lower-case letters, digits and dashes: " + id);
        }
        if (clockHz <= 0) {
            throw new IllegalArgumentException("board " + id + " needs a positive clock, got " + clockHz);
        }
    }

    /** Whether QEMU runs this board, so that its images can be verified before download. */
    public boolean emulated() {
        return qemuMachine.isPresent();
    }

    /** {@code -mcpu}/{@code -mthumb}/{@code -mfpu}/{@code -mfloat-abi}, for compiling and for linking. */
    public List<String> compilerFlags() {
        return core.compilerFlags();
    }

    public KernelVariant kernelVariant() {
        return core.kernelVariant();
    }

    /** The board's folder relative to the C source root. */
    public String sourceFolder() {
        return "boards/" + id;
    }
}
