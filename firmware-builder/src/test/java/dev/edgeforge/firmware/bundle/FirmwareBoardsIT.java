package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ready-to-flash firmware for every real board of the catalogue (the emulated one runs in DeploymentBuilderIT): the
 * keyword-spotting model behind its MFCC impulse with a built-in raw test window, compiled without warnings for the
 * board's core and linked into its memory map, with the board's own flashing instructions in the bundle.
 */
class FirmwareBoardsIT {

    @TempDir
    static Path work;

    static DeploymentBuilder builder;
    static ModelGraph kws;

    @BeforeAll
    static void setUp() {
        builder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .build();
        kws = MlperfTiny.graph(MlperfTiny.byShortName().get("kws"));
    }

    @TestFactory
    Stream<DynamicTest> everyRealBoardGetsAFlashableImage() {
        List<TestWindow> windows = List.of(TestWindow.raw(KwsImpulse.clip(160, 900, 3), "yes"));
        return BoardCatalogue.standard().all().stream()
                .filter(board -> !board.emulated())
                .map(board -> DynamicTest.dynamicTest(board.id(), () -> {
                    BuildResult result = builder.build(
                            new BuildRequest(
                                    "kws",
                                    kws,
                                    Optional.of(KwsImpulse.impulse()),
                                    KwsImpulse.LABELS,
                                    board.id(),
                                    DeploymentFormat.FIRMWARE,
                                    windows),
                            work.resolve(board.id()),
                            Duration.ofMinutes(3));
                    assertThat(result.compilerOutput()).as("compiler warnings").isEmpty();
                    MemoryReport.ImageMemory image =
                            result.memoryReport().image().orElseThrow();
                    assertThat(image.flashBytes()).isLessThan(board.flash().sizeBytes());
                    assertThat(image.ramBytes()).isLessThan(board.ram().sizeBytes());
                    assertThat(image.flashCapacityBytes())
                            .isEqualTo(board.flash().sizeBytes());

                    Path extracted = BundleFiles.extract(result.bundle(), work.resolve(board.id() + "-bundle"));
                    assertThat(Files.readString(extracted.resolve("FLASHING.md")))
                            .contains(board.name());
                    assertThat(Files.readString(extracted.resolve("README.md")))
                            .contains(board.mcu())
                            .contains(String.join(" ", board.compilerFlags()));
                    assertVectorTableAt(extracted.resolve("firmware.bin"), board);
                }));
    }

    /** The image starts with the vector table: initial stack at the end of RAM, reset handler inside the flash. */
    private static void assertVectorTableAt(Path bin, Board board) throws Exception {
        ByteBuffer words = ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Integer.toUnsignedLong(words.getInt(0)))
                .isEqualTo(board.ram().origin() + board.ram().sizeBytes());
        long reset = Integer.toUnsignedLong(words.getInt(4));
        assertThat(board.flash().contains(reset & ~1L)).isTrue();
    }
}
