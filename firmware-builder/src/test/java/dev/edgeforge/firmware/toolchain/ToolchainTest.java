package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainTest {

    @TempDir
    Path bin;

    @Test
    void aMissingCrossCompilerNamesTheAptGetCommand() {
        ExecutableSearchPath empty = ExecutableSearchPath.parse(bin.toString());
        assertThatThrownBy(() -> Toolchain.armNoneEabi(empty))
                .isInstanceOfSatisfying(ToolNotFoundException.class, e -> {
                    assertThat(e.tool()).isEqualTo("arm-none-eabi-gcc");
                    assertThat(e.getMessage())
                            .contains("sudo apt-get install gcc-arm-none-eabi")
                            .contains("libnewlib-arm-none-eabi")
                            .contains(bin.toString());
                });
    }

    @Test
    void aMissingHostCompilerNamesTheAptGetCommand() {
        assertThatThrownBy(() -> Toolchain.hostGcc(ExecutableSearchPath.parse("")))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessageContaining("gcc was not found on the PATH (the PATH is empty)")
                .hasMessageContaining("sudo apt-get install gcc");
    }

    @Test
    void findsExecutablesInSearchOrderAndIgnoresNonExecutableFiles() throws IOException {
        Path first = Files.createDirectory(bin.resolve("first"));
        Path second = Files.createDirectory(bin.resolve("second"));
        Files.writeString(first.resolve("arm-none-eabi-gcc"), "not executable");
        for (String tool : new String[] {"arm-none-eabi-gcc", "arm-none-eabi-objcopy", "arm-none-eabi-size"}) {
            Files.writeString(second.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(second.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Toolchain toolchain = Toolchain.armNoneEabi(ExecutableSearchPath.parse(first + ":" + second));
        assertThat(toolchain.compiler()).isEqualTo(second.resolve("arm-none-eabi-gcc"));
        assertThat(toolchain.objcopy()).isEqualTo(second.resolve("arm-none-eabi-objcopy"));
        assertThat(toolchain.size()).isEqualTo(second.resolve("arm-none-eabi-size"));
    }
}
