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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first end-to-end proof: a hand-written two-layer int8 model, built from the boards and the Cortex-M kernels
 * into an image for the emulated STM32F405, answers windows sent over the serial line protocol with exactly the
 * host's expected values, and measures the same instruction count on every run.
 */
class FirmwareEndToEndIT {

    private static final Duration ANSWER = Duration.ofSeconds(10);

    /**
     * Windows and answers worked out by hand (hidden layer, then output):
     * <ul>
     * <li>the boot window: real inputs 21 11 6 -2 8 13 -7 2; hidden accumulators 62, 0, -20, 106 become
     * 31, 0, -20, 19 (106 x 0.7071/4 = 18.7 rounds through 75 to 19), shifted by -5 and clamped at -5:
     * 26 -5 -5 14; output accumulators 87, -76, 84 halved: 43.5 -> 44, -38, 42;</li>
     * <li>all 127: everything saturates: 127 -128 127;</li>
     * <li>all -128: the ReLU zeroes the hidden layer, the output is the bias halved: -3 6 1.5 -> 2;</li>
     * <li>all -1 (real zero): hidden = bias scaled: 5 -> 0, -5, 0, 7 x 0.177 = 1.24 -> 1; output 5 2 7.</li>
     * </ul>
     */
    private static final byte[][] HAND_WINDOWS = {
        {20, 10, 5, -3, 7, 12, -8, 1},
        {127, 127, 127, 127, 127, 127, 127, 127},
        {-128, -128, -128, -128, -128, -128, -128, -128},
        {-1, -1, -1, -1, -1, -1, -1, -1},
    };

    private static final byte[][] HAND_ANSWERS = {{44, -38, 42}, {127, -128, 127}, {-3, 6, 2}, {5, 2, 7}};

    @TempDir
    static Path work;

    static FirmwareImage image;
    static QemuRunner qemu;

    @BeforeAll
    static void build() {
        FirmwareSources sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        Board board = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        image = FirmwareCompiler.armNoneEabi(new ProcessRunner(Duration.ofMinutes(2)))
                .build(
                        work.resolve("fc_demo"),
                        board,
                        sources,
                        List.of(TestResources.path("firmware/fc_demo/main.c")),
                        List.of());
        qemu = QemuRunner.builder().optTimeLimit(Duration.ofSeconds(30)).build();
    }

    @Test
    void answersEveryWindowExactlyAndCountsTheSameInstructionsOnEveryRun() {
        List<byte[]> windows = new ArrayList<>(List.of(HAND_WINDOWS));
        Random random = new Random(20240607L);
        for (int i = 0; i < 30; i++) {
            byte[] window = new byte[8];
            random.nextBytes(window);
            windows.add(window);
        }
        windows.add(HAND_WINDOWS[0].clone()); // the same input twice in one run

        Session first = runAll(windows);
        Session second = runAll(windows);

        DeviceBanner banner = first.banner();
        assertThat(banner.board()).isEqualTo("netduinoplus2-qemu");
        assertThat(banner.model()).isEqualTo("fc-demo");
        assertThat(banner.inputBytes()).isEqualTo(8);
        assertThat(banner.outputBytes()).isEqualTo(3);
        assertThat(banner.counterUnit()).isEqualTo("instr");
        assertThat(banner.bootResult())
                .hasValueSatisfying(boot -> assertThat(boot.output()).containsExactly(44, -38, 42));

        for (int i = 0; i < HAND_WINDOWS.length; i++) {
            assertThat(first.results().get(i).output()).as("hand window %d", i).containsExactly(HAND_ANSWERS[i]);
        }
        for (int i = 0; i < windows.size(); i++) {
            assertThat(first.results().get(i).output())
                    .as("window %d", i)
                    .containsExactly(DemoModel.expected(windows.get(i)));
        }

        List<Long> counts = first.results().stream().map(InferenceResult::count).toList();
        assertThat(counts).allSatisfy(count -> assertThat(count).isBetween(100L, 20_000L));
        assertThat(second.results().stream().map(InferenceResult::count).toList())
                .as("instruction counts repeat exactly across QEMU runs")
                .isEqualTo(counts);
        assertThat(second.banner().bootResult().orElseThrow().count())
                .isEqualTo(first.banner().bootResult().orElseThrow().count());
        assertThat(counts.get(counts.size() - 1)).as("same input, same count").isEqualTo(counts.get(0));
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
    }

    @Test
    void reportsBadCommandsAndStaysReady() {
        try (QemuSession session = qemu.start(image.elf())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            client.awaitReady();
            assertThatThrownBy(() -> client.run(new byte[] {1, 2, 3}))
                    .isInstanceOfSatisfying(DeviceErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo("input-size");
                        assertThat(e.detail()).isEqualTo("expected 8 got 3");
                    });
            assertThat(client.exchange("run " + "7f".repeat(4096)))
                    .as("a long line is decoded as it streams in, with no line buffer to overflow")
                    .isEqualTo("error input-size expected 8 got 4096");
            assertThat(client.exchange("run 0102030")).isEqualTo("error input-size expected 8 got 3 and a half");
            assertThat(client.exchange("run 01020304050607zz")).isEqualTo("error bad-hex");
            assertThat(client.exchange("frobnicate now")).isEqualTo("error unknown-command frobnicate");
            assertThat(client.exchange("info"))
                    .matches("info board=netduinoplus2-qemu model=fc-demo input=8 output=3 counter=instr frame=256"
                            + " batch=\\d+");
            assertThat(client.exchange("run 14 0a 05 FD 07 0C F8 01"))
                    .as("spaces and upper case")
                    .startsWith("result 44 -38 42 instr=");
            assertThat(client.run(HAND_WINDOWS[1]).output()).containsExactly(HAND_ANSWERS[1]);
            client.quit();
            assertThat(session.awaitExit(ANSWER)).isZero();
        }
    }

    /**
     * Binary frames: the same answers as hex lines; a wrong length is refused before the payload, a damaged payload
     * (checksum) runs nothing, an unknown kind is refused; the device stays ready after each and text commands still
     * work between frames.
     */
    @Test
    void binaryFramesAnswerAsHexLinesAndRefuseDamage() {
        try (QemuSession session = qemu.start(image.elf())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            DeviceBanner banner = client.awaitReady();
            assertThat(banner.frameChunk()).hasValue(256);
            for (int i = 0; i < HAND_WINDOWS.length; i++) {
                assertThat(client.run(HAND_WINDOWS[i]).output())
                        .as("frame %d", i)
                        .containsExactly(HAND_ANSWERS[i]);
            }

            session.send(BinaryFrame.header(BinaryFrame.INPUT, 9));
            assertThat(session.readLine(ANSWER)).isEqualTo("error input-size expected 8 got 9");

            session.send(BinaryFrame.header(BinaryFrame.INPUT, 8));
            assertThat(session.readLine(ANSWER)).isEqualTo("ack 0");
            byte[] trailer = BinaryFrame.trailer(HAND_WINDOWS[0]);
            byte[] damaged = HAND_WINDOWS[0].clone();
            damaged[3] ^= 0x10;
            session.send(damaged);
            session.send(trailer);
            assertThat(session.readLine(ANSWER)).isEqualTo("error checksum");

            session.send(BinaryFrame.header('x', 8));
            assertThat(session.readLine(ANSWER)).isEqualTo("error unsupported frame");
            session.send(BinaryFrame.header(BinaryFrame.WINDOW, 8));
            assertThat(session.readLine(ANSWER))
                    .as("an image without an impulse has no window buffer")
                    .isEqualTo("error unsupported window");

            assertThat(client.exchange("run 14 0a 05 FD 07 0C F8 01")).startsWith("result 44 -38 42 instr=");
            assertThat(client.run(HAND_WINDOWS[2]).output()).containsExactly(HAND_ANSWERS[2]);
            client.quit();
            assertThat(session.awaitExit(ANSWER)).isZero();
        }
    }

    private record Session(DeviceBanner banner, List<InferenceResult> results, int exitCode) {}

    private static Session runAll(List<byte[]> windows) {
        try (QemuSession session = qemu.start(image.elf())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            DeviceBanner banner = client.awaitReady();
            List<InferenceResult> results = new ArrayList<>();
            for (byte[] window : windows) {
                results.add(client.run(window));
            }
            client.quit();
            return new Session(banner, results, session.awaitExit(ANSWER));
        }
    }
}
