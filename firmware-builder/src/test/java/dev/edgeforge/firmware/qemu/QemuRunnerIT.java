package dev.edgeforge.firmware.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QemuRunner and QemuSession against a real qemu-system-arm and the echo test firmware. */
class QemuRunnerIT {

    private static final Duration LINE = Duration.ofSeconds(10);

    @TempDir
    static Path work;

    static Path echo;

    @BeforeAll
    static void buildEchoFirmware() {
        FirmwareSources sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        Board qemu = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        FirmwareImage image = FirmwareCompiler.armNoneEabi(new ProcessRunner(Duration.ofMinutes(2)))
                .build(
                        work.resolve("echo"),
                        qemu,
                        sources,
                        List.of(TestResources.path("firmware/echo/main.c")),
                        List.of());
        echo = image.elf();
    }

    @Test
    void streamsLinesBothWaysAndReturnsTheFirmwaresExitCode() {
        QemuRunner runner =
                QemuRunner.builder().optTimeLimit(Duration.ofSeconds(20)).build();
        try (QemuSession session = runner.start(echo)) {
            assertThat(session.readLine(LINE))
                    .as("initialized .data copied from flash")
                    .isEqualTo("hello");
            session.sendLine("abc def");
            assertThat(session.readLine(LINE)).isEqualTo("ABC DEF");
            String longLine = "x".repeat(100);
            session.sendLine(longLine);
            assertThat(session.readLine(LINE)).isEqualTo(longLine.toUpperCase());
            session.sendLine("exit 7");
            assertThat(session.awaitExit(LINE)).isEqualTo(7);
            assertThat(session.transcript()).containsExactly("hello", "ABC DEF", longLine.toUpperCase());
            assertThatThrownBy(() -> session.readLine(LINE))
                    .isInstanceOfSatisfying(
                            QemuExitedException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(7));
        }
    }

    @Test
    void runSendsAllLinesAndCollectsTheOutput() {
        QemuResult result = QemuRunner.builder().build().run(echo, List.of("one", "two", "exit 0"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).containsExactly("hello", "ONE", "TWO");
    }

    @Test
    void aFaultEndsTheRunWithStatus70() {
        QemuResult result = QemuRunner.builder().build().run(echo, List.of("fault"));
        assertThat(result.exitCode()).isEqualTo(70);
        assertThat(result.lines()).containsExactly("hello", "", "fault");
    }

    @Test
    void aFirmwareThatHangsIsKilledAtTheTimeLimit() {
        QemuRunner runner =
                QemuRunner.builder().optTimeLimit(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        try (QemuSession session = runner.start(echo)) {
            assertThat(session.readLine(LINE)).isEqualTo("hello");
            session.sendLine("hang");
            assertThatThrownBy(() -> session.readLine(Duration.ofSeconds(30)))
                    .isInstanceOf(QemuExitedException.class)
                    .hasMessageContaining("time limit");
            assertThat(session.killedAtTimeLimit()).isTrue();
            assertThat(session.isAlive()).isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void readLineTimesOutWhenTheFirmwareIsSilent() {
        try (QemuSession session = QemuRunner.builder().build().start(echo)) {
            assertThat(session.readLine(LINE)).isEqualTo("hello");
            assertThatThrownBy(() -> session.readLine(Duration.ofMillis(300)))
                    .isInstanceOf(QemuTimeoutException.class)
                    .hasMessageContaining("300 ms")
                    .hasMessageContaining("hello");
            assertThat(session.isAlive()).isTrue();
        }
    }
}
