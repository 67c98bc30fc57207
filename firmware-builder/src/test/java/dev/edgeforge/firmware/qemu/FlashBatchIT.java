package dev.edgeforge.firmware.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.impulse.CameraFrame;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.PixelFormat;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.ImageShapes;
import dev.edgeforge.firmware.bundle.BuildRequest;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.firmware.verification.VerificationReport;
import dev.edgeforge.firmware.verification.VerificationRequest;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows through the image's free flash (QEMU's generic loader and the {@code batch} command) on a real image
 * deployment: a 160×120 RGB565 camera resized on the device to 48×48 for a small CNN. The batch answers exactly as
 * the serial frames do (outputs and instruction counts), a request larger than the flash holds goes on over the
 * serial line, and a damaged or wrong-sized batch is refused with nothing run.
 */
class FlashBatchIT {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    @TempDir
    static Path work;

    static Path elf;
    static ModelGraph model;
    static Impulse impulse;
    static List<TestWindow> windows;
    static FlashBatchRegion region;

    @BeforeAll
    static void build() {
        model = ImageShapes.model(48, 3, 7);
        impulse = ImageShapes.impulse(
                48, ColorDepth.RGB, new ImageParams(ImageNormalization.ZERO_TO_ONE, 160, 120, PixelFormat.RGB565));
        windows = new ArrayList<>();
        for (ImageShapes.Picture picture : ImageShapes.pictures(40, 160, 120, 3)) {
            byte[] frame = CameraFrame.of(picture.image(), 160, 120, PixelFormat.RGB565);
            float[] values = new float[frame.length];
            for (int i = 0; i < frame.length; i++) {
                values[i] = frame[i] & 0xFF;
            }
            windows.add(TestWindow.raw(values, picture.label()));
        }
        elf = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .build()
                .build(
                        new BuildRequest(
                                "shapes",
                                model,
                                Optional.of(impulse),
                                ImageShapes.LABELS,
                                BoardCatalogue.QEMU_BOARD_ID,
                                DeploymentFormat.FIRMWARE,
                                windows.subList(0, 1)),
                        work.resolve("build"),
                        LIMIT)
                .firmwareElf()
                .orElseThrow();
        region = FlashBatchRegion.of(elf).orElseThrow();
    }

    @Test
    void theRegionIsTheFlashAfterTheImageAndTheBannerAnnouncesIt() {
        QemuRunner qemu = QemuRunner.builder().optTimeLimit(LIMIT).build();
        try (QemuSession session = qemu.start(elf)) {
            DeviceBanner banner = new SerialProtocolClient(session, Duration.ofSeconds(60)).awaitReady();
            assertThat(banner.batchBytes()).hasValue(region.bytes());
        }
        assertThat(region.address() % 4096).isZero();
        assertThat(region.address() + region.bytes()).isEqualTo(0x0810_0000L); // the end of the 1 MiB flash
        assertThat(region.capacity(38_400)).isBetween(2, 27);
    }

    @Test
    void aBatchAnswersExactlyAsSerialFramesDo() {
        List<TestWindow> few = windows.subList(0, 4);
        QemuVerifier loader = QemuVerifier.standard(LIMIT);
        VerificationRequest request = new VerificationRequest(model, Optional.of(impulse), ImageShapes.LABELS, few);
        assertThat(loader.windowsPerLoad(elf, 38_400)).isEqualTo(region.capacity(38_400));
        VerificationReport loaded = loader.verify(elf, request);
        VerificationReport serial = loader.withSerialFramesOnly().verify(elf, request);
        assertThat(loaded.failure()).isEmpty();
        assertThat(loaded.verified()).isTrue();
        assertThat(loaded.path()).isEqualTo(VerificationReport.PATH_RAW);
        assertThat(serial.verified()).isTrue();
        assertThat(loaded.instructions()).isEqualTo(serial.instructions());
        assertThat(loaded.dspInstructions()).isEqualTo(serial.dspInstructions());
        assertThat(loaded.deviceAccuracy()).isEqualTo(serial.deviceAccuracy());
    }

    @Test
    void windowsTheFlashCannotHoldGoOnOverTheSerialLine() {
        int capacity = region.capacity(38_400);
        List<TestWindow> more = windows.subList(0, capacity + 2);
        VerificationReport report = QemuVerifier.standard(LIMIT)
                .verify(elf, new VerificationRequest(model, Optional.of(impulse), ImageShapes.LABELS, more));
        assertThat(report.failure()).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.matching()).isEqualTo(capacity + 2);
    }

    @Test
    void aDamagedOrWrongSizedBatchIsRefusedAndNothingRuns() {
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        byte[] bytes = new FlashBatch(
                        BinaryFrame.WINDOW,
                        List.of(
                                dsp.windowBytes(windows.get(0).values()),
                                dsp.windowBytes(windows.get(1).values())))
                .bytes();
        bytes[FlashBatch.HEADER_BYTES + 1000] ^= 0x10;
        assertThat(answer(bytes)).isEqualTo("error checksum");

        byte[] small = new FlashBatch(BinaryFrame.WINDOW, List.of(new byte[] {1, 2, 3})).bytes();
        assertThat(answer(small)).isEqualTo("error input-size expected 38400 got 3");
        assertThat(answer(null)).isEqualTo("error batch-none");
        assertThatThrownBy(() -> QemuRunner.builder()
                        .optTimeLimit(LIMIT)
                        .build()
                        .start(elf, new byte[(int) region.bytes() + 1], region))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    /** The answer to {@code batch} with {@code bytes} in the region, and that the image still answers after it. */
    private static String answer(byte[] bytes) {
        QemuRunner qemu = QemuRunner.builder().optTimeLimit(LIMIT).build();
        try (QemuSession session = qemu.start(elf, bytes, region)) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(60));
            client.awaitReady();
            String answer = client.exchange("batch");
            assertThat(client.exchange("info")).startsWith("info ");
            client.quit();
            return answer;
        }
    }
}
