package dev.edgeforge.firmware.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, item 2: firmware running in QEMU must not reach the host. A hostile image tries ARM semihosting to read
 * a host file and to run a host command; through the QEMU launcher every deployment uses, it does neither (the
 * attempt faults, the firmware reports status 70 and QEMU ends). The same image under the former command line
 * (semihosting on) does both, which proves the test firmware is a real attack. QEMU also runs inside its resource
 * limits, in an empty working directory, with an empty environment.
 */
class QemuBoxIT {

    private static final Duration LINE = Duration.ofSeconds(20);

    @TempDir
    static Path work;

    static Path escape;
    static Path secret;
    static String secretText;

    @BeforeAll
    static void buildHostileFirmware() throws IOException {
        FirmwareSources sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        Board qemu = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        escape = FirmwareCompiler.armNoneEabi(new ProcessRunner(Duration.ofMinutes(2)))
                .build(
                        work.resolve("escape"),
                        qemu,
                        sources,
                        List.of(TestResources.path("firmware/semihosting_escape/main.c")),
                        List.of())
                .elf();
        secretText = "EF-SECRET-" + UUID.randomUUID();
        secret = work.resolve("secret.txt");
        Files.writeString(secret, secretText + "\n");
    }

    @Test
    void theFirmwareCannotReadHostFiles() {
        for (String path : List.of("/etc/hostname", secret.toString())) {
            List<String> transcript;
            int status;
            try (QemuSession session = QemuRunner.builder()
                    .optTimeLimit(Duration.ofSeconds(30))
                    .build()
                    .start(escape)) {
                assertThat(session.readLine(LINE)).isEqualTo("ready");
                session.sendLine("open " + path);
                status = session.awaitExit(LINE);
                transcript = session.transcript();
            }
            assertThat(transcript).as("no open result, no content").containsExactly("ready", "", "fault");
            assertThat(status).as("the semihosting call faulted").isEqualTo(70);
            assertThat(String.join("\n", transcript)).doesNotContain(secretText).doesNotContain(hex(secretText));
        }
    }

    @Test
    void theFirmwareCannotRunHostCommands() {
        Path sentinel = work.resolve("sentinel-" + UUID.randomUUID());
        QemuResult result = QemuRunner.builder()
                .optTimeLimit(Duration.ofSeconds(30))
                .build()
                .run(escape, List.of("system touch " + sentinel));
        assertThat(result.lines()).containsExactly("ready", "", "fault");
        assertThat(result.exitCode()).isEqualTo(70);
        assertThat(sentinel).doesNotExist();
    }

    @Test
    void qemuRunsInsideItsLimitsInAnEmptyDirectoryWithAnEmptyEnvironment() throws IOException {
        Path directory;
        try (QemuSession session = QemuRunner.builder()
                .optTimeLimit(Duration.ofSeconds(30))
                .build()
                .start(escape)) {
            assertThat(session.readLine(LINE)).isEqualTo("ready");
            Path proc = Path.of("/proc", Long.toString(session.pid()));
            String limits = Files.readString(proc.resolve("limits"));
            assertThat(limits)
                    .containsPattern("Max file size +0 +0 ")
                    .containsPattern("Max address space +" + (512L << 20) + " +" + (512L << 20) + " ")
                    .containsPattern("Max cpu time +40 +45 ")
                    .containsPattern("Max core file size +0 +0 ");
            directory = proc.resolve("cwd").toRealPath();
            assertThat(directory.getFileName().toString()).startsWith("edgeforge-qemu-");
            try (Stream<Path> entries = Files.list(directory)) {
                assertThat(entries).isEmpty();
            }
            assertThat(new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8))
                    .isEqualTo("LC_ALL=C\0");
            assertThat(Files.readString(proc.resolve("status"))).containsPattern("Seccomp:\\s+2");
            session.sendLine("neither");
            assertThat(session.readLine(LINE)).isEqualTo("unknown");
            assertThat(session.awaitExit(LINE)).isZero();
        }
        assertThat(directory).as("deleted with the session").doesNotExist();
    }

    /** Control: with semihosting on (the command line before issue #10), the same image reaches the host. */
    @Test
    void theSameFirmwareEscapesWhenQemuOffersSemihosting() throws Exception {
        assertThat(unsafeRun("open " + secret)).anyMatch(line -> line.equals("read " + hex(secretText + "\n")));
        Path sentinel = work.resolve("control-sentinel-" + UUID.randomUUID());
        assertThat(unsafeRun("system touch " + sentinel)).contains("system-result 0");
        assertThat(sentinel).exists();
    }

    private static List<String> unsafeRun(String command) throws Exception {
        Process qemu = new ProcessBuilder(
                        QemuRunner.EXECUTABLE,
                        "-M",
                        "netduinoplus2",
                        "-nographic",
                        "-monitor",
                        "none",
                        "-no-reboot",
                        "-semihosting-config",
                        "enable=on,target=native",
                        "-serial",
                        "stdio",
                        "-kernel",
                        escape.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = qemu.inputReader(StandardCharsets.ISO_8859_1)) {
            lines.add(out.readLine());
            qemu.getOutputStream().write((command + "\n").getBytes(StandardCharsets.ISO_8859_1));
            qemu.getOutputStream().flush();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } finally {
            if (!qemu.waitFor(20, TimeUnit.SECONDS)) {
                qemu.destroyForcibly();
            }
        }
        assertThat(lines.get(0)).isEqualTo("ready");
        return lines;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
