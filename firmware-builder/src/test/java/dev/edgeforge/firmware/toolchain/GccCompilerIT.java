package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GccCompiler with the real host gcc and arm-none-eabi-gcc. */
class GccCompilerIT {

    @TempDir
    Path work;

    private final ProcessRunner runner = new ProcessRunner(Duration.ofMinutes(1));

    @Test
    void compilesLinksAndKeepsWarningsForTheUser() throws IOException {
        Path source = Files.writeString(work.resolve("hello.c"), """
                #include <stdio.h>
                int main(void) { int unused; printf("hi\\n"); return 4; }
                """);
        CompileResult result = new GccCompiler(Toolchain.hostGcc(), runner)
                .compile(
                        work.resolve("build"),
                        CompileRequest.builder()
                                .setOutputName("hello")
                                .addSource(source)
                                .addFlags(CompilerFlags.HOST)
                                .optMapFile(true)
                                .build());
        assertThat(result.compilerOutput()).contains("hello.c:2", "unused");
        assertThat(work.resolve("build/obj/hello.o")).isRegularFile();
        assertThat(result.mapFile()).hasValue(work.resolve("build/hello.map").toAbsolutePath());
        ProcessResult run = runner.run(work, List.of(result.executable().toString()));
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.output()).isEqualTo("hi\n");
    }

    @Test
    void aCompileErrorCarriesTheCompilerMessages() throws IOException {
        Path source = Files.writeString(work.resolve("broken.c"), "int main(void) { return undefined_name; }\n");
        assertThatThrownBy(() -> new GccCompiler(Toolchain.armNoneEabi(), runner)
                        .compile(
                                work.resolve("build"),
                                CompileRequest.builder()
                                        .setOutputName("broken.elf")
                                        .addSource(source)
                                        .build()))
                .isInstanceOfSatisfying(CompilationFailedException.class, e -> {
                    assertThat(e.compilerOutput()).contains("broken.c:1", "error", "undefined_name");
                    assertThat(e.exitCode()).isNotZero();
                    assertThat(e.getMessage()).startsWith("compiling with arm-none-eabi-gcc failed");
                });
    }

    @Test
    void aLinkErrorCarriesTheLinkerMessages() throws IOException {
        Path source =
                Files.writeString(work.resolve("main.c"), "int missing(void);\nint main(void) { return missing(); }\n");
        assertThatThrownBy(() -> new GccCompiler(Toolchain.hostGcc(), runner)
                        .compile(
                                work.resolve("build"),
                                CompileRequest.builder()
                                        .setOutputName("main")
                                        .addSource(source)
                                        .build()))
                .isInstanceOfSatisfying(CompilationFailedException.class, e -> {
                    assertThat(e.compilerOutput()).contains("undefined reference", "missing");
                    assertThat(e.getMessage()).startsWith("linking with gcc failed");
                });
    }
}
