package dev.edgeforge.firmware.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.OutputSection;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.RegionUsage;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-compiles the demo firmware (kernels, start-up code, linker script, UART, line protocol) for every board of
 * the catalogue and checks the image's layout against the board's memory map. Only the QEMU board runs
 * (FirmwareEndToEndIT); the others are proven to build and link.
 */
class BoardBuildIT {

    @TempDir
    static Path work;

    static FirmwareSources sources;
    static FirmwareCompiler compiler;

    @BeforeAll
    static void setUp() {
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        compiler = FirmwareCompiler.armNoneEabi(new ProcessRunner(Duration.ofMinutes(2)));
    }

    @TestFactory
    Stream<DynamicTest> everyBoardBuildsAnImageThatFitsItsMemoryMap() {
        return BoardCatalogue.standard().all().stream()
                .map(board -> DynamicTest.dynamicTest(board.id(), () -> {
                    FirmwareImage image = compiler.build(
                            work.resolve(board.id()),
                            board,
                            sources,
                            List.of(TestResources.path("firmware/fc_demo/main.c")),
                            List.of());
                    assertThat(image.compilerOutput()).as("compiler warnings").isEmpty();
                    assertThat(image.bin()).isRegularFile();
                    assertThat(image.hex()).isRegularFile();

                    // The vector table opens the image at the board's first flash address: initial stack pointer at the
                    // end of RAM, reset handler (Thumb bit set) inside the image.
                    OutputSection vectors =
                            image.linkerMap().section(".isr_vector").orElseThrow();
                    assertThat(vectors.address()).isEqualTo(board.flash().origin());
                    ByteBuffer words =
                            ByteBuffer.wrap(Files.readAllBytes(image.bin())).order(ByteOrder.LITTLE_ENDIAN);
                    long initialStack = Integer.toUnsignedLong(words.getInt(0));
                    long reset = Integer.toUnsignedLong(words.getInt(4));
                    assertThat(initialStack)
                            .isEqualTo(board.ram().origin() + board.ram().sizeBytes());
                    assertThat(reset & 1).as("Thumb bit").isEqualTo(1);
                    assertThat(board.flash().contains(reset & ~1L)).isTrue();
                    // The raw image spans the flash from the origin, alignment gaps between sections included.
                    assertThat(Files.size(image.bin()))
                            .isBetween(image.size().flashBytes(), image.size().flashBytes() + 64);

                    RegionUsage flash = image.linkerMap()
                            .usage(image.linkerMap().region("FLASH").orElseThrow());
                    RegionUsage ram = image.linkerMap()
                            .usage(image.linkerMap().region("RAM").orElseThrow());
                    assertThat(flash.region().origin()).isEqualTo(board.flash().origin());
                    assertThat(flash.region().length()).isEqualTo(board.flash().sizeBytes());
                    assertThat(ram.region().length()).isEqualTo(board.ram().sizeBytes());
                    assertThat(flash.usedBytes()).isEqualTo(image.size().flashBytes());
                    assertThat(ram.usedBytes()).isEqualTo(image.size().ramBytes());
                    assertThat(flash.bytesByFile())
                            .containsKeys(
                                    "main.o",
                                    "fully_connected.o",
                                    "board.o",
                                    "cortex_m_startup.o",
                                    "ef_board_common.o");
                    assertThat(flash.bytesByFile())
                            .as("only the kernels the model uses are linked")
                            .doesNotContainKeys("conv2d.o", "softmax.o");
                    assertIntelHexStartsAt(image.hex(), board.flash().origin());
                }));
    }

    /**
     * The first data record of the .hex, after its extended linear (04) or extended segment (02, which objcopy uses
     * below 1 MiB) address record, is the flash origin.
     */
    private static void assertIntelHexStartsAt(Path hex, long origin) throws IOException {
        List<String> records = Files.readAllLines(hex);
        long upper = 0;
        for (String record : records) {
            String type = record.substring(7, 9);
            if (type.equals("04")) {
                upper = Long.parseLong(record.substring(9, 13), 16) << 16;
            } else if (type.equals("02")) {
                upper = Long.parseLong(record.substring(9, 13), 16) << 4;
            } else if (type.equals("00")) {
                assertThat(upper + Long.parseLong(record.substring(3, 7), 16)).isEqualTo(origin);
                return;
            }
        }
        throw new AssertionError("no data record in " + hex);
    }
}
