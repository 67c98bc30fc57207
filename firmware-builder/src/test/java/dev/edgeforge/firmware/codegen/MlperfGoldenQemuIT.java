package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key acceptance test of the firmware: each MLPerf Tiny model compiled to C, built with arm-none-eabi-gcc for
 * the emulated STM32F405 with the Cortex-M kernels, run in QEMU and fed every golden input over the serial line
 * protocol, answers exactly TensorFlow Lite Micro's golden outputs; the instruction counts it measures itself are
 * printed next to TFLM's.
 */
class MlperfGoldenQemuIT {

    private static final Duration ANSWER = Duration.ofSeconds(90);

    @TempDir
    static Path work;

    static FirmwareSources sources;
    static FirmwareCompiler compiler;
    static QemuRunner qemu;
    static Board board;

    @BeforeAll
    static void setUp() {
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        compiler = FirmwareCompiler.armNoneEabi(new ProcessRunner(Duration.ofMinutes(3)));
        qemu = QemuRunner.builder().optTimeLimit(Duration.ofMinutes(4)).build();
        board = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kws", "resnet8", "vww", "ad"})
    void firmwareInQemuGivesTheGoldenOutputs(String shortName) {
        MlperfTiny.Model model = MlperfTiny.byShortName().get(shortName);
        List<MlperfTiny.GoldenCase> golden = MlperfTiny.golden(model);
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(CLibraryRequest.of(model.file(), MlperfTiny.graph(model)), work.resolve(shortName));
        Path main = new FirmwareApplication()
                .generate(
                        library,
                        board,
                        Optional.of(TestWindow.quantized(golden.get(0).input(), null)),
                        work.resolve(shortName + "-app"));
        FirmwareImage image = compiler.build(
                work.resolve(shortName + "-build"),
                board,
                sources,
                FirmwareApplication.sources(library, main),
                library.includeDirectories());
        assertThat(image.compilerOutput()).as("compiler warnings").isEmpty();

        List<InferenceResult> results = new ArrayList<>();
        DeviceBanner banner;
        try (QemuSession session = qemu.start(image.elf())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            banner = client.awaitReady();
            for (MlperfTiny.GoldenCase c : golden) {
                results.add(client.run(c.input()));
            }
            client.quit();
            assertThat(session.awaitExit(ANSWER)).isZero();
        }
        assertThat(banner.model()).isEqualTo(model.file());
        assertThat(banner.inputBytes()).isEqualTo(library.inputSize());
        assertThat(banner.bootResult())
                .hasValueSatisfying(boot -> assertThat(boot.output())
                        .as("boot window")
                        .containsExactly(golden.get(0).output()));
        for (int i = 0; i < golden.size(); i++) {
            assertThat(results.get(i).output())
                    .as("%s case %d", shortName, i)
                    .containsExactly(golden.get(i).output());
        }
        long min = results.stream().mapToLong(InferenceResult::count).min().orElseThrow();
        long max = results.stream().mapToLong(InferenceResult::count).max().orElseThrow();
        System.out.printf(
                "%-8s %7.3f M instructions per inference (min %d, max %d); TFLM: %.3f M with CMSIS-NN,"
                        + " %.1f M reference; flash %d B, RAM %d B; arena %d B, lower bound %d B%n",
                shortName,
                max / 1e6,
                min,
                max,
                model.tflmCmsisNnMegaInstructions(),
                model.tflmReferenceMegaInstructions(),
                image.size().flashBytes(),
                image.size().ramBytes(),
                library.plan().arenaBytes(),
                library.plan().lowerBound());
        assertThat(min).isPositive();
    }
}
