package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.qemu.DeviceBanner;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image that generates its boot input (as deployments do for inputs too large to store): the device's boot line
 * is the Java interpreter's answer for {@link FirmwareApplication#generatedInput}, the input costs no flash, and the
 * banner and {@code info} report the stack's high-water mark, deeper after an inference than before it.
 */
class GeneratedBootInputIT {

    private static final Duration ANSWER = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void bootLineIsTheInterpretersAnswerForTheGeneratedInputAndTheStackIsReported() {
        FirmwareSources sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        Board board = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        MlperfTiny.Model model = MlperfTiny.byShortName().get("resnet8");
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(CLibraryRequest.of(model.file(), MlperfTiny.graph(model)), work.resolve("lib"));
        int seed = FirmwareApplication.GENERATED_BOOT_SEED;
        Path main = new FirmwareApplication().generateWithGeneratedInput(library, board, seed, work.resolve("app"));
        FirmwareImage image = FirmwareCompiler.armNoneEabi(new ProcessRunner(Duration.ofMinutes(3)))
                .build(
                        work.resolve("build"),
                        board,
                        sources,
                        FirmwareApplication.sources(library, main),
                        library.includeDirectories());
        assertThat(image.compilerOutput()).isEmpty();
        long mainFlash = image.linkerMap().regions().stream()
                .filter(region -> region.name().equals("FLASH"))
                .mapToLong(region -> image.linkerMap().usage(region).bytesByFile().entrySet().stream()
                        .filter(file -> file.getKey().endsWith("main.o"))
                        .mapToLong(Map.Entry::getValue)
                        .sum())
                .sum();
        assertThat(library.inputSize()).isGreaterThan(FirmwareApplication.STORED_BOOT_INPUT_BYTES);
        assertThat(mainFlash).as("main.o in flash").isPositive().isLessThan(1024);

        byte[] input = FirmwareApplication.generatedInput(library.inputSize(), seed);
        byte[] expected = new Interpreter(library.core().graph()).runInt8(input);
        try (QemuSession session =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build().start(image.elf())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            DeviceBanner banner = client.awaitReady();
            assertThat(banner.bootResult())
                    .hasValueSatisfying(boot -> assertThat(boot.output()).containsExactly(expected));
            long before = Long.parseLong(banner.fields().get("stack"));
            String info = client.exchange("info");
            long after = List.of(info.split(" ")).stream()
                    .filter(word -> word.startsWith("stack="))
                    .mapToLong(word -> Long.parseLong(word.substring(6)))
                    .findFirst()
                    .orElseThrow();
            assertThat(before).isPositive();
            assertThat(after)
                    .as("after the boot inference")
                    .isGreaterThan(before)
                    .isLessThan(8192);
            client.quit();
            assertThat(session.awaitExit(ANSWER)).isZero();
        }
        // The generator's values: xorshift32 from the seed, the top byte of each step.
        int x = seed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        assertThat(input[0]).isEqualTo((byte) (x >>> 24));
    }
}
