package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareSourcesTest {

    @TempDir
    static Path directory;

    static FirmwareSources sources;

    @BeforeAll
    static void extract() {
        sources = FirmwareSources.extractFromClasspath(directory.resolve("c"));
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream()
                .map(path -> sources.root().relativize(path).toString())
                .toList();
    }

    @Test
    void referenceVariantIsEveryReferenceKernel() {
        assertThat(names(sources.kernelSources(KernelVariant.REFERENCE)))
                .containsExactly(
                        "kernels/reference/add.c",
                        "kernels/reference/average_pool2d.c",
                        "kernels/reference/conv2d.c",
                        "kernels/reference/conv2d_packed.c",
                        "kernels/reference/depthwise_conv2d.c",
                        "kernels/reference/depthwise_conv2d_packed.c",
                        "kernels/reference/dequantize.c",
                        "kernels/reference/fully_connected.c",
                        "kernels/reference/fully_connected_packed.c",
                        "kernels/reference/max_pool2d.c",
                        "kernels/reference/quantize.c",
                        "kernels/reference/reshape.c",
                        "kernels/reference/softmax.c");
    }

    @Test
    void cortexMVariantReplacesKernelsOfTheSameNameAndKeepsTheRest() {
        List<String> cortexM = names(sources.kernelSources(KernelVariant.CORTEX_M));
        assertThat(cortexM)
                .contains(
                        "kernels/cortex_m/conv2d.c",
                        "kernels/cortex_m/depthwise_conv2d.c",
                        "kernels/cortex_m/fully_connected.c",
                        "kernels/cortex_m/conv2d_packed.c",
                        "kernels/cortex_m/add.c",
                        "kernels/reference/softmax.c",
                        "kernels/reference/quantize.c");
        assertThat(cortexM)
                .doesNotContain(
                        "kernels/reference/conv2d.c",
                        "kernels/reference/fully_connected.c",
                        "kernels/reference/depthwise_conv2d.c",
                        "kernels/reference/conv2d_packed.c",
                        "kernels/reference/add.c",
                        "kernels/reference/max_pool2d.c");
        assertThat(cortexM).hasSize(13).contains("kernels/cortex_m/max_pool2d.c", "kernels/cortex_m/average_pool2d.c");
    }

    @Test
    void everyCatalogueBoardHasItsSupportCodeAndEveryBoardFolderIsInTheCatalogue() throws IOException {
        BoardCatalogue catalogue = BoardCatalogue.standard();
        for (Board board : catalogue.all()) {
            assertThat(names(sources.boardSources(board)))
                    .contains(
                            "boards/common/cortex_m_startup.c",
                            "boards/common/ef_board_common.c",
                            "boards/common/ef_serial_protocol.c",
                            "boards/" + board.id() + "/board.c");
            assertThat(sources.boardDirectory(board).resolve("ef_board_config.h"))
                    .isRegularFile();
            assertThat(sources.linkerScript(board)).isRegularFile();
            assertThat(sources.boardReadme(board)).isRegularFile();
        }
        try (Stream<Path> folders = Files.list(sources.root().resolve("boards"))) {
            List<String> ids = folders.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("common"))
                    .toList();
            assertThat(ids)
                    .allSatisfy(id -> assertThat(catalogue.find(id)).as(id).isPresent());
        }
        assertThat(sources.protocolDocument()).isRegularFile();
    }

    @Test
    void testsHaveOneSuitePerKernel() {
        assertThat(names(sources.kernelTestSources()))
                .contains("tests/conv2d_test.c", "tests/softmax_test.c", "tests/ef_test.c", "tests/test_main.c");
        for (Path kernel : sources.kernelSources(KernelVariant.REFERENCE)) {
            String suite = kernel.getFileName().toString().replace(".c", "_test.c");
            assertThat(sources.testsDirectory().resolve(suite)).as(suite).isRegularFile();
        }
    }

    @Test
    void rejectsADirectoryThatIsNotASourceTree() {
        assertThatThrownBy(() -> FirmwareSources.at(directory.resolve("nothing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an EdgeForge C source tree");
    }
}
