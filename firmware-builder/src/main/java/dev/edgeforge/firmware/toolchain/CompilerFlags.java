package dev.edgeforge.firmware.toolchain;

import java.util.List;

/** The flags every EdgeForge C build uses, besides the board's {@code -mcpu}/{@code -mfpu} flags. */
public final class CompilerFlags {

    /**
     * Firmware (arm-none-eabi-gcc): C99, optimized for speed, one section per function and variable so the linker
     * drops what is unused and the map attributes every byte; no floating-point contraction, so float code gives
     * the same bits as on the host and in Java; debug info in the ELF only (it never reaches flash).
     */
    public static final List<String> FIRMWARE = List.of(
            "-std=c99",
            "-O2",
            "-g",
            "-Wall",
            "-Wextra",
            "-ffunction-sections",
            "-fdata-sections",
            "-ffp-contract=off",
            "-fno-common",
            "--specs=nano.specs");

    /** Firmware link: our own start-up code, unused sections removed. */
    public static final List<String> FIRMWARE_LINK = List.of("-nostartfiles", "-Wl,--gc-sections");

    /** Host builds (gcc on the build machine): strict portable C99, the same float rules as the firmware. */
    public static final List<String> HOST =
            List.of("-std=c99", "-O2", "-Wall", "-Wextra", "-Wpedantic", "-ffp-contract=off");

    private CompilerFlags() {}
}
