package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.jobs.board.KernelVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes (the compiled behaviour is proven by the *IT tests with real compilers). */
class CLibraryGeneratorTest {

    @TempDir
    static Path work;

    static FirmwareSources sources;

    @BeforeAll
    static void extract() {
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
    }

    @Test
    void everyGeneratedFileNamesItsGeneratorAndModel() throws Exception {
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(
                        new CLibraryRequest(
                                "tiny fc", TinyModels.fullyConnected(true), List.of("a", "b", "c"), Optional.empty()),
                        work.resolve("lib"));
        assertThat(library.identity().name()).as("names are kept as typed").isEqualTo("tiny fc");
        for (Path generated : library.generatedFiles()) {
            String first = Files.readAllLines(library.root().resolve(generated)).get(0);
            if (generated.toString().endsWith(".c") || generated.toString().endsWith(".h")) {
                assertThat(first)
                        .as(generated.toString())
                        .isEqualTo(library.identity().banner(CLibraryGenerator.GENERATOR));
            }
        }
        String model = Files.readString(library.root().resolve("model/model.c"));
        // The one fully connected layer runs on its packed stream (weights, folded biases, requantization).
        assertThat(model)
                .contains("ef_fully_connected_packed_s8(&op0_params, EF_ARENA_AT(")
                .contains("static EF_ALIGNED(16) int8_t ef_arena_storage[EF_MODEL_ARENA_SIZE];")
                .contains("\"a\",")
                .contains(".input_zero_point = -3,")
                .contains("EF_ERROR_UNSUPPORTED")
                .doesNotContain("{{");
        String data = Files.readString(library.root().resolve("model/model_data.c"));
        assertThat(data)
                .contains("EF_ALIGNED(16) const int8_t ef_model_op0_packed[")
                .doesNotContain("ef_model_tensor_");
        String config = Files.readString(library.root().resolve("model/ef_model_config.h"));
        assertThat(config)
                .contains("#define EF_MODEL_INPUT_SIZE 4")
                .contains("#define EF_MODEL_OUTPUT_SIZE 3")
                .contains("#define EF_MODEL_HAS_IMPULSE 0");
        assertThat(library.kernelSources(KernelVariant.CORTEX_M))
                .extracting(p -> p.getParent().getFileName().toString() + "/" + p.getFileName())
                .contains("cortex_m/conv2d.c", "reference/softmax.c")
                .doesNotContain("reference/conv2d.c");
        assertThat(library.applicationSources())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("model.c", "model_data.c", "ef_model.c");
    }

    @Test
    void refusesLabelsThatDoNotFitTheOutputsAndNonEmptyDirectories() {
        CLibraryGenerator generator = new CLibraryGenerator(sources);
        assertThatThrownBy(() -> generator.generate(
                        new CLibraryRequest(
                                "m", TinyModels.fullyConnected(false), List.of("only", "two"), Optional.empty()),
                        work.resolve("labels")))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("2 labels for a model with 3");
        assertThatThrownBy(() -> generator.generate(
                        CLibraryRequest.of("m", TinyModels.fullyConnected(false)), work.resolve("c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
    }
}
