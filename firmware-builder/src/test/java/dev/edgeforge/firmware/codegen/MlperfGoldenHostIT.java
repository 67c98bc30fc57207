package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key acceptance test of the c-library generator, on the host: each MLPerf Tiny model, compiled to C and built
 * with the host gcc ({@code -std=c99 -O2 -Wall -Wextra -Wpedantic -Werror}, reference kernels), gives exactly
 * TensorFlow Lite Micro's golden outputs for all 8 cases.
 */
class MlperfGoldenHostIT {

    @TempDir
    static Path work;

    static FirmwareSources sources;
    static GccCompiler gcc;
    static ProcessRunner runner;

    @BeforeAll
    static void setUp() {
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        runner = new ProcessRunner(Duration.ofMinutes(3));
        gcc = new GccCompiler(Toolchain.hostGcc(), runner);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kws", "resnet8", "vww", "ad"})
    void hostBuiltLibraryGivesTheGoldenOutputs(String shortName) throws Exception {
        MlperfTiny.Model model = MlperfTiny.byShortName().get(shortName);
        List<MlperfTiny.GoldenCase> golden = MlperfTiny.golden(model);
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(CLibraryRequest.of(model.file(), MlperfTiny.graph(model)), work.resolve(shortName));

        Path build = work.resolve(shortName + "-build");
        CompileResult result = gcc.compile(
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

        ByteArrayOutputStream inputs = new ByteArrayOutputStream();
        golden.forEach(c -> inputs.writeBytes(c.input()));
        Path inputFile = Files.write(build.resolve("inputs.bin"), inputs.toByteArray());
        Path outputFile = build.resolve("outputs.bin");
        ProcessResult run =
                runner.run(build, List.of(result.executable().toString(), inputFile.toString(), outputFile.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("cases " + golden.size())
                .contains("sha256 " + library.identity().sha256());

        byte[] outputs = Files.readAllBytes(outputFile);
        int size = library.outputSize();
        assertThat(outputs).hasSize(size * golden.size());
        for (int i = 0; i < golden.size(); i++) {
            assertThat(Arrays.copyOfRange(outputs, i * size, (i + 1) * size))
                    .as("%s case %d", shortName, i)
                    .containsExactly(golden.get(i).output());
        }
        System.out.printf(
                "%-8s arena %7d B, liveness lower bound %7d B, TFLM arena %7d B%n",
                shortName, library.plan().arenaBytes(), library.plan().lowerBound(), model.tflmArenaBytes());
        assertThat(library.plan().arenaBytes()).isLessThanOrEqualTo(model.tflmArenaBytes());
    }
}
