package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code stm32cubeai} and {@code tflm} formats. STM32Cube.AI: an application written against X-CUBE-AI's API
 * in the style of its application template (src/test/resources/cubeai), built with arm-none-eabi-gcc against the
 * bundle's sources and run in QEMU, gives the MLPerf Tiny keyword-spotting model's golden outputs. TFLM: the bundle
 * holds the project, its flatbuffer reads back as the same model, its resolver registers exactly the model's
 * operators, and every part that does not need TFLM's headers compiles.
 */
class OtherFormatsIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static DeploymentBuilder builder;
    static ModelGraph kws;
    static List<MlperfTiny.GoldenCase> golden;
    static FirmwareSources sources;

    @BeforeAll
    static void setUp() {
        builder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .build();
        kws = MlperfTiny.graph(MlperfTiny.byShortName().get("kws"));
        golden = MlperfTiny.golden(MlperfTiny.byShortName().get("kws"));
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
    }

    @Test
    void anXCubeAiStyleApplicationGivesTheGoldenOutputsInQemu() throws Exception {
        BuildResult result = builder.build(
                new BuildRequest(
                        "kws",
                        kws,
                        Optional.empty(),
                        KwsImpulse.LABELS,
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.STM32CUBEAI,
                        List.of()),
                work.resolve("cube"),
                LIMIT);
        assertThat(result.compilerOutput()).as("compiler warnings").isEmpty();
        Path bundle = BundleFiles.extract(result.bundle(), work.resolve("cube-bundle"));
        for (String file : List.of(
                "App/network.c",
                "App/network.h",
                "App/network_data.c",
                "App/network_data.h",
                "App/network_config.h",
                "Inc/ai_platform.h",
                "Lib/ai_platform.c",
                "Example/app_x-cube-ai.c",
                "edgeforge/model/model.c",
                "README.md",
                "MEMORY.md",
                "SHA256SUMS")) {
            assertThat(bundle.resolve(file)).as(file).isRegularFile();
        }
        String networkData = Files.readString(bundle.resolve("App/network_data.h"));
        assertThat(networkData)
                .contains("#define AI_NETWORK_DATA_ACTIVATIONS_SIZE ("
                        + result.memoryReport().arenaBytes() + ")");
        assertThat(Files.readString(bundle.resolve("App/network.h")))
                .contains("#define AI_NETWORK_IN_1_SIZE (490)")
                .contains("#define AI_NETWORK_OUT_1_SIZE (12)");
        // In-place execution (packed kernels) keeps the activations below their liveness bound of 16,000 B.
        assertThat(result.memoryReport().arenaBytes()).isLessThanOrEqualTo(16_000);

        // The test application, built from the bundle's own sources (the kernels and board support from the tree).
        Board qemuBoard = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        List<Path> application = new ArrayList<>(List.of(
                TestResources.path("cubeai/app_x-cube-ai.c"),
                bundle.resolve("App/network.c"),
                bundle.resolve("App/network_data.c"),
                bundle.resolve("Lib/ai_platform.c"),
                bundle.resolve("edgeforge/runtime/ef_model.c")));
        try (Stream<Path> model = Files.list(bundle.resolve("edgeforge/model"))) {
            model.filter(path -> path.toString().endsWith(".c")).sorted().forEach(application::add);
        }
        FirmwareImage image = FirmwareCompiler.armNoneEabi(new ProcessRunner(LIMIT))
                .build(
                        work.resolve("cube-app"),
                        qemuBoard,
                        sources,
                        application,
                        List.of(
                                bundle.resolve("App"),
                                bundle.resolve("Inc"),
                                bundle.resolve("edgeforge/include"),
                                bundle.resolve("edgeforge/model"),
                                bundle.resolve("edgeforge/runtime"),
                                bundle.resolve("edgeforge/kernels")));
        assertThat(image.compilerOutput()).as("compiler warnings").isEmpty();

        List<InferenceResult> results = new ArrayList<>();
        DeviceBanner banner;
        try (QemuSession session =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build().start(image.elf())) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(60));
            banner = client.awaitReady(); // a failed API check would be printed before the banner
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

        // The bundle's own example, linked by the builder for the memory report, answers too.
        try (QemuSession session = QemuRunner.builder()
                .optTimeLimit(Duration.ofMinutes(1))
                .build()
                .start(result.firmwareElf().orElseThrow())) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(60));
            client.awaitReady();
            assertThat(client.run(golden.get(5).input()).output())
                    .containsExactly(golden.get(5).output());
            client.quit();
        }
    }

    @Test
    void tflmProjectHoldsTheModelTheExactResolverAndCompilesWhereItCanWithoutTflm() throws Exception {
        BuildResult result = builder.build(
                new BuildRequest(
                        "kws",
                        kws,
                        Optional.of(KwsImpulse.impulse()),
                        KwsImpulse.LABELS,
                        "nucleo-l4r5zi",
                        DeploymentFormat.TFLM,
                        List.of(TestWindow.quantized(golden.get(0).input(), null))),
                work.resolve("tflm"),
                LIMIT);
        assertThat(result.firmwareElf()).as("no TFLM tree here, so no image").isEmpty();
        assertThat(result.memoryReport().image()).isEmpty();
        Path bundle = BundleFiles.extract(result.bundle(), work.resolve("tflm-bundle"));
        for (String file : List.of(
                "main.cc",
                "model_data.cc",
                "model_data.h",
                "Makefile",
                "README.md",
                "MEMORY.md",
                "PROTOCOL.md",
                "boards/nucleo-l4r5zi/linker.ld",
                "boards/common/ef_board.h",
                "dsp/ef_impulse_dsp.c",
                "dsp/ef_dsp_mfcc.c",
                "SHA256SUMS")) {
            assertThat(bundle.resolve(file)).as(file).isRegularFile();
        }

        String main = Files.readString(bundle.resolve("main.cc"));
        Matcher registration = Pattern.compile("resolver\\.(Add\\w+)\\(\\);").matcher(main);
        List<String> registered = new ArrayList<>();
        while (registration.find()) {
            registered.add(registration.group(1));
        }
        assertThat(registered)
                .containsExactlyInAnyOrder(
                        "AddAveragePool2D",
                        "AddConv2D",
                        "AddDepthwiseConv2D",
                        "AddFullyConnected",
                        "AddReshape",
                        "AddSoftmax");
        assertThat(main)
                .contains("MicroMutableOpResolver<6>")
                .contains("kTensorArenaSize = 26624;")
                .contains("ef_impulse_dsp_run(window, features);");
        assertThat(result.memoryReport().arenaBytes()).isEqualTo(26_624);

        // The flatbuffer in model_data.cc is the model.
        String data = Files.readString(bundle.resolve("model_data.cc"));
        Matcher hex = Pattern.compile("0x([0-9a-f]{2})").matcher(data.substring(data.indexOf("g_model[]")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (hex.find()) {
            bytes.write(Integer.parseInt(hex.group(1), 16));
        }
        assertThat(new TfliteReader().read(bytes.toByteArray()).operators()).isEqualTo(kws.operators());
        assertThat(data).contains("alignas(16) const unsigned char g_model[]");

        ProcessRunner runner = new ProcessRunner(LIMIT);
        Path objects = Files.createDirectories(work.resolve("tflm-objects"));
        assertCompiles(
                runner,
                bundle,
                List.of(
                        "g++",
                        "-std=c++17",
                        "-Wall",
                        "-Wextra",
                        "-Werror",
                        "-c",
                        "model_data.cc",
                        "-o",
                        objects.resolve("model_data_host.o").toString()));
        assertCompiles(
                runner,
                bundle,
                List.of(
                        "arm-none-eabi-g++",
                        "-std=c++17",
                        "-mcpu=cortex-m4",
                        "-mthumb",
                        "-mfpu=fpv4-sp-d16",
                        "-mfloat-abi=hard",
                        "-Wall",
                        "-Werror",
                        "-c",
                        "model_data.cc",
                        "-o",
                        objects.resolve("model_data_arm.o").toString()));
        for (String dsp :
                List.of("dsp/ef_impulse_dsp.c", "dsp/ef_dsp_mfcc.c", "dsp/ef_dsp_frames.c", "dsp/ef_dsp_fft.c")) {
            assertCompiles(
                    runner,
                    bundle,
                    List.of(
                            "arm-none-eabi-gcc",
                            "-std=c99",
                            "-mcpu=cortex-m4",
                            "-mthumb",
                            "-mfpu=fpv4-sp-d16",
                            "-mfloat-abi=hard",
                            "-Wall",
                            "-Wextra",
                            "-Werror",
                            "-Idsp",
                            "-c",
                            dsp,
                            "-o",
                            objects.resolve(Path.of(dsp).getFileName() + ".o").toString()));
        }
        ProcessResult make = runner.run(bundle, List.of("make"));
        assertThat(make.exitCode()).isNotZero();
        assertThat(make.output()).contains("set TFLM_DIR");
    }

    private static void assertCompiles(ProcessRunner runner, Path directory, List<String> command) {
        ProcessResult result = runner.run(directory, command);
        assertThat(result.exitCode())
                .as(String.join(" ", command) + "\n" + result.output())
                .isZero();
        assertThat(result.output())
                .as("warnings of " + String.join(" ", command))
                .isEmpty();
    }
}
