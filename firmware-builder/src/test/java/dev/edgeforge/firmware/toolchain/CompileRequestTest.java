package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompileRequestTest {

    @Test
    void rejectsSourcesThatWouldShareAnObjectFile() {
        assertThatThrownBy(() -> CompileRequest.builder()
                        .setOutputName("a.elf")
                        .addSource(Path.of("kernels/reference/conv2d.c"))
                        .addSource(Path.of("kernels/cortex_m/conv2d.c"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv2d.o")
                .hasMessageContaining("kernels/cortex_m/conv2d.c");
    }

    @Test
    void needsAPlainOutputNameAndASource() {
        assertThatThrownBy(
                        () -> CompileRequest.builder().addSource(Path.of("a.c")).build())
                .hasMessageContaining("output name");
        assertThatThrownBy(() -> CompileRequest.builder()
                        .setOutputName("../x.elf")
                        .addSource(Path.of("a.c"))
                        .build())
                .hasMessageContaining("plain file name");
        assertThatThrownBy(() -> CompileRequest.builder().setOutputName("x.elf").build())
                .hasMessageContaining("source");
    }

    @Test
    void objectFilesAreNamedAfterTheirSources() {
        assertThat(CompileRequest.objectName(Path.of("/src/model_data.c"))).isEqualTo("model_data.o");
        assertThat(CompileRequest.objectName(Path.of("startup.s"))).isEqualTo("startup.o");
    }
}
