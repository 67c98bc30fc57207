package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.edgeforge.firmware.qemu.QemuResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.KernelVariant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the C kernel tests (src/main/c/tests) on every kernel variant: the reference kernels built with the host gcc
 * (with UndefinedBehaviorSanitizer), and the Cortex-M and the reference kernels cross-compiled for Cortex-M4 and run
 * in QEMU. Each variant is built and run once; every C test case becomes one JUnit test.
 */
class KernelTestsIT {

    private static final Pattern OK = Pattern.compile("ok (\\S+) (\\S+)");
    private static final Pattern FAIL = Pattern.compile("FAIL (\\S+) (\\S+): (.*)");
    private static final Pattern SUMMARY = Pattern.compile("summary tests=(\\d+) failures=(\\d+)");

    @TempDir
    static Path work;

    private static final Map<String, Run> runs = new LinkedHashMap<>();

    /** One variant's build and run: compiler warnings, the printed lines and exit code, or why it could not run. */
    private record Run(String compilerOutput, List<String> lines, int exitCode, String problem) {}

    @BeforeAll
    static void buildAndRunEveryVariant() {
        FirmwareSources sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        ProcessRunner runner = new ProcessRunner(Duration.ofMinutes(2));
        runs.put("reference kernels, host gcc", runOnHost(sources, runner));
        Board qemu = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        FirmwareCompiler firmware = FirmwareCompiler.armNoneEabi(runner);
        QemuRunner qemuRunner =
                QemuRunner.builder().optTimeLimit(Duration.ofSeconds(60)).build();
        for (KernelVariant variant : List.of(KernelVariant.CORTEX_M, KernelVariant.REFERENCE)) {
            String label = variant.folder() + " kernels, Cortex-M4 in QEMU";
            try {
                FirmwareImage image = firmware.build(
                        work.resolve("qemu-" + variant.folder()),
                        qemu,
                        variant,
                        sources,
                        testSources(sources, true),
                        List.of(sources.testsDirectory()));
                QemuResult result = qemuRunner.run(image.elf(), List.of());
                runs.put(label, new Run(image.compilerOutput(), result.lines(), result.exitCode(), null));
            } catch (RuntimeException e) {
                runs.put(label, new Run("", List.of(), -1, e.getMessage()));
            }
        }
    }

    private static Run runOnHost(FirmwareSources sources, ProcessRunner runner) {
        try {
            CompileRequest request = CompileRequest.builder()
                    .setOutputName("kernel_tests")
                    .addSources(testSources(sources, false))
                    .addSources(sources.kernelSources(KernelVariant.REFERENCE))
                    .addIncludeDirectory(sources.includeDirectory())
                    .addIncludeDirectory(sources.kernelsDirectory())
                    .addFlags(CompilerFlags.HOST)
                    .addFlags(List.of("-g", "-fsanitize=undefined", "-fno-sanitize-recover=undefined"))
                    .addLibrary("m")
                    .build();
            Path build = work.resolve("host");
            CompileResult compiled = new GccCompiler(Toolchain.hostGcc(), runner).compile(build, request);
            ProcessResult result =
                    runner.run(build, List.of(compiled.executable().toString()));
            return new Run(compiled.compilerOutput(), result.output().lines().toList(), result.exitCode(), null);
        } catch (RuntimeException e) {
            return new Run("", List.of(), -1, e.getMessage());
        }
    }

    private static List<Path> testSources(FirmwareSources sources, boolean onBoard) {
        List<Path> files = new ArrayList<>(sources.kernelTestSources());
        files.add(sources.testPlatform(onBoard));
        return files;
    }

    @TestFactory
    Stream<DynamicContainer> everyKernelTestPassesOnEveryVariant() {
        return runs.entrySet().stream()
                .map(entry -> DynamicContainer.dynamicContainer(entry.getKey(), testsOf(entry.getValue())));
    }

    private static Stream<DynamicTest> testsOf(Run run) {
        if (run.problem() != null) {
            return Stream.of(DynamicTest.dynamicTest("build and run", () -> fail(run.problem())));
        }
        Map<String, List<String>> failuresByTest = new LinkedHashMap<>();
        for (String line : run.lines()) {
            Matcher ok = OK.matcher(line);
            Matcher failed = FAIL.matcher(line);
            if (ok.matches()) {
                failuresByTest.putIfAbsent(ok.group(1) + " " + ok.group(2), new ArrayList<>());
            } else if (failed.matches()) {
                failuresByTest
                        .computeIfAbsent(failed.group(1) + " " + failed.group(2), key -> new ArrayList<>())
                        .add(failed.group(3));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(
                "compiles without warnings",
                () -> assertThat(run.compilerOutput()).as("compiler output").isEmpty()));
        failuresByTest.forEach((name, failures) -> tests.add(DynamicTest.dynamicTest(
                name, () -> assertThat(failures).as(name).isEmpty())));
        tests.add(DynamicTest.dynamicTest("summary and exit code", () -> {
            Matcher summary = run.lines().stream()
                    .map(SUMMARY::matcher)
                    .filter(Matcher::matches)
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError("no summary line; output was:\n" + String.join("\n", run.lines())));
            assertThat(Integer.parseInt(summary.group(1))).as("tests reported").isEqualTo(failuresByTest.size());
            assertThat(Integer.parseInt(summary.group(2))).as("failures").isZero();
            assertThat(failuresByTest.size()).as("test cases").isGreaterThanOrEqualTo(40);
            assertThat(run.exitCode()).as("exit code").isZero();
        }));
        return tests.stream();
    }
}
