package dev.edgeforge.firmware.toolchain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A C compiler with its binutils.
 *
 * @param name for messages ({@code arm-none-eabi-gcc} or {@code gcc})
 * @param compiler the gcc driver
 * @param objcopy objcopy of the same target
 * @param size size of the same target
 */
public record Toolchain(String name, Path compiler, Path objcopy, Path size) {

    static final String ARM_INSTALL =
            "sudo apt-get install gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi";
    static final String HOST_INSTALL = "sudo apt-get install gcc binutils";

    public Toolchain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(compiler, "compiler");
        Objects.requireNonNull(objcopy, "objcopy");
        Objects.requireNonNull(size, "size");
    }

    /** arm-none-eabi-gcc and its binutils, from the PATH. */
    public static Toolchain armNoneEabi() {
        return armNoneEabi(ExecutableSearchPath.fromEnvironment());
    }

    public static Toolchain armNoneEabi(ExecutableSearchPath searchPath) {
        return new Toolchain(
                "arm-none-eabi-gcc",
                searchPath.require("arm-none-eabi-gcc", ARM_INSTALL),
                searchPath.require("arm-none-eabi-objcopy", ARM_INSTALL),
                searchPath.require("arm-none-eabi-size", ARM_INSTALL));
    }

    /** The build machine's gcc and binutils, from the PATH (for host builds and tests of the C code). */
    public static Toolchain hostGcc() {
        return hostGcc(ExecutableSearchPath.fromEnvironment());
    }

    public static Toolchain hostGcc(ExecutableSearchPath searchPath) {
        return new Toolchain(
                "gcc",
                searchPath.require("gcc", HOST_INSTALL),
                searchPath.require("objcopy", HOST_INSTALL),
                searchPath.require("size", HOST_INSTALL));
    }
}
