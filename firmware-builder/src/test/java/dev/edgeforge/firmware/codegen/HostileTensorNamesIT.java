package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.toolchain.CompileRequest;
import dev.edgeforge.firmware.toolchain.CompileResult;
import dev.edgeforge.firmware.toolchain.CompilerFlags;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.GccCompiler;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tensor names come from the uploaded model file, and the packed kernels' params, data arrays and comments name
 * them: every tensor of KWS (packed CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, pooling, softmax) renamed to
 * issue #10's attack must give a library that holds the name only escaped, compiles warning-free (an unescaped
 * {@code *}{@code /} would end a comment and let the {@code .include} reach the assembler) and answers the golden
 * inputs exactly as before.
 */
class HostileTensorNamesIT {

    @TempDir
    static Path work;

    @Test
    void tensorNamesOfPackedLayersReachOnlyCommentsEscaped() throws Exception {
        // Exactly the name of issue #10 (HostileModelNameIT), short enough that operator comments show it whole.
        String attack = "\"//*/__asm__(\".include\\40\\\"/etc/hostname\\\"\");/*";

        MlperfTiny.Model kws = MlperfTiny.byShortName().get("kws");
        ModelGraph graph = MlperfTiny.graph(kws);
        ModelGraph.Builder renamed = graph.toBuilder();
        for (Tensor t : graph.tensors()) {
            renamed.replaceTensor(new Tensor(
                    t.id(), attack, t.type(), t.shape(), t.quantization(), t.isConstant() ? t.copyData() : null));
        }
        FirmwareSources sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(CLibraryRequest.of("kws", renamed.build().validate()), work.resolve("lib"));

        String model = Files.readString(library.root().resolve("model/model.c"));
        assertThat(model)
                .contains("ef_conv2d_packed_s8(", "ef_depthwise_conv2d_packed_s8(", "ef_fully_connected_packed_s8(");
        for (Path generated : library.generatedFiles()) {
            assertThat(Files.readString(library.root().resolve(generated)))
                    .as(generated.toString())
                    .doesNotContain(attack)
                    .doesNotContain("*/__asm__");
        }

        ProcessRunner runner = new ProcessRunner(Duration.ofMinutes(3));
        Path build = work.resolve("build");
        CompileResult result = new GccCompiler(Toolchain.hostGcc(), runner)
                .compile(
                        build,
                        CompileRequest.builder()
                                .setOutputName("golden")
                                .addSource(TestResources.path("codegen/host_golden.c"))
                                .addSources(library.allSources(KernelVariant.REFERENCE))
                                .addIncludeDirectories(library.includeDirectories())
                                .addFlags(CompilerFlags.HOST)
                                .addFlags(List.of("-Werror"))
                                .addLibrary("m")
                                .build());
        assertThat(result.compilerOutput()).as("compiler warnings").isEmpty();

        List<MlperfTiny.GoldenCase> golden = MlperfTiny.golden(kws);
        ByteArrayOutputStream inputs = new ByteArrayOutputStream();
        golden.forEach(c -> inputs.writeBytes(c.input()));
        Path inputFile = Files.write(build.resolve("inputs.bin"), inputs.toByteArray());
        Path outputFile = build.resolve("outputs.bin");
        ProcessResult run =
                runner.run(build, List.of(result.executable().toString(), inputFile.toString(), outputFile.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        byte[] outputs = Files.readAllBytes(outputFile);
        int size = library.outputSize();
        assertThat(outputs).hasSize(size * golden.size());
        for (int i = 0; i < golden.size(); i++) {
            assertThat(Arrays.copyOfRange(outputs, i * size, (i + 1) * size))
                    .as("case %d", i)
                    .containsExactly(golden.get(i).output());
        }
    }
}
