package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.SharedTflm;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.tflm.TflmCheckout;
import dev.edgeforge.firmware.tflm.TflmLibrary;
import dev.edgeforge.firmware.tflm.TflmLibraryBuilder;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tflm} bundle built for real: the firmware builder compiles TFLM's framework and the model's kernels
 * from the pinned checkout (read only, out of tree), the bundle's own Makefile links the image, and in QEMU the image
 * gives TFLM's golden outputs for the MLPerf Tiny keyword-spotting model byte for byte and reports the arena TFLM
 * really used.
 */
class TflmBuildIT {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void theTflmBundleLinksAgainstTheCheckoutAndGivesTflmsGoldenOutputsInQemu() throws Exception {
        Path checkout = SharedTflm.checkout();
        DeploymentBuilder builder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .optTflmDirectory(checkout)
                .optTflmObjectDirectory(SharedTflm.objectCache())
                .build();
        ModelGraph kws = MlperfTiny.graph(MlperfTiny.byShortName().get("kws"));
        List<MlperfTiny.GoldenCase> golden =
                MlperfTiny.golden(MlperfTiny.byShortName().get("kws"));

        BuildResult result = builder.build(
                new BuildRequest(
                        "kws",
                        kws,
                        Optional.empty(),
                        KwsImpulse.LABELS,
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.TFLM,
                        List.of(TestWindow.quantized(golden.get(0).input(), null))),
                work.resolve("tflm"),
                LIMIT);

        assertThat(result.firmwareElf())
                .as("the image, linked by the bundle's Makefile")
                .isPresent();
        assertThat(result.memoryReport().image()).isPresent();
        Path bundle = BundleFiles.extract(result.bundle(), work.resolve("bundle"));
        assertThat(bundle.resolve("firmware.elf")).isRegularFile();
        assertThat(Files.readString(bundle.resolve("MEMORY.md"))).doesNotContain("No image was built");

        List<InferenceResult> results = new ArrayList<>();
        DeviceBanner banner;
        try (QemuSession session = QemuRunner.builder()
                .optTimeLimit(Duration.ofMinutes(3))
                .build()
                .start(result.firmwareElf().orElseThrow())) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(120));
            banner = client.awaitReady();
            for (MlperfTiny.GoldenCase c : golden) {
                results.add(client.run(c.input()));
            }
            client.quit();
        }
        assertThat(banner.model()).isEqualTo("kws");
        for (int i = 0; i < golden.size(); i++) {
            assertThat(results.get(i).output())
                    .as("case %d", i)
                    .containsExactly(golden.get(i).output());
        }
        // TFLM's own figure for its arena, which the planned kTensorArenaSize must cover
        assertThat(banner.arenaUsedBytes()).isPresent();
        assertThat(banner.arenaUsedBytes().getAsInt())
                .isPositive()
                .isLessThanOrEqualTo(result.memoryReport().arenaBytes());

        // A second library for the same operators compiles nothing: every object is cached.
        TflmLibrary again = TflmLibraryBuilder.armNoneEabi(
                        TflmCheckout.open(checkout), SharedTflm.objectCache(), new ProcessRunner(LIMIT))
                .build(
                        BoardCatalogue.standard()
                                .byId(BoardCatalogue.QEMU_BOARD_ID)
                                .compilerFlags(),
                        List.of(
                                "AddAveragePool2D",
                                "AddConv2D",
                                "AddDepthwiseConv2D",
                                "AddFullyConnected",
                                "AddReshape",
                                "AddSoftmax"));
        assertThat(again.compiledSources()).isZero();
        assertThat(again.sources()).isGreaterThan(40);
    }
}
