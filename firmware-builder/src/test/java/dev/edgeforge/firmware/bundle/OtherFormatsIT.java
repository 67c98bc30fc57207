package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.codegen.CubeMxUserCode;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuResult;
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
import java.io.IOException;
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

    private static BuildResult cubeBundle(String directory) {
        return builder.build(
                new BuildRequest(
                        "kws",
                        kws,
                        Optional.empty(),
                        KwsImpulse.LABELS,
                        BoardCatalogue.QEMU_BOARD_ID,
                        DeploymentFormat.STM32CUBEAI,
                        List.of()),
                work.resolve(directory),
                LIMIT);
    }

    @Test
    void anXCubeAiStyleApplicationGivesTheGoldenOutputsInQemu() throws Exception {
        BuildResult result = cubeBundle("cube");
        assertThat(result.compilerOutput()).as("compiler warnings").isEmpty();
        Path bundle = BundleFiles.extract(result.bundle(), work.resolve("cube-bundle"));
        for (String file : List.of(
                "App/network.c",
                "App/network.h",
                "App/network_data.c",
                "App/network_data.h",
                "App/network_config.h",
                "App/network_data_params.c",
                "App/network_data_params.h",
                "App/app_x-cube-ai.c",
                "App/app_x-cube-ai.h",
                "Inc/ai_platform.h",
                "Lib/ai_platform.c",
                "Example/app_x-cube-ai.c",
                "Example/main.c",
                "Example/main.h",
                "Example/Makefile",
                "Example/syscalls.c",
                "Example/PROTOCOL.md",
                "Example/boards/common/ef_board.h",
                "Example/boards/netduinoplus2-qemu/linker.ld",
                "edgeforge/model/model.c",
                "README.md",
                "MEMORY.md",
                "SHA256SUMS")) {
            assertThat(bundle.resolve(file)).as(file).isRegularFile();
        }
        assertThat(bundle.resolve("Example/build"))
                .as("the image is built outside the bundle")
                .doesNotExist();
        String networkData = Files.readString(bundle.resolve("App/network_data_params.h"));
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
                bundle.resolve("App/network_data_params.c"),
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

    /**
     * Issue #14: the bundle builds as shipped (unzipped, {@code make} in {@code Example/}) and its image gives the
     * golden outputs; {@code Example/app_x-cube-ai.c} is {@code App/app_x-cube-ai.c} with only its USER CODE filled;
     * applications written the way ST's documentation shows (the template with a CubeMX main, legacy create and
     * init, walking the report with printf) compile against the bundle with its own Makefile, and run.
     */
    @Test
    void theBundleBuildsAsShippedAndApplicationsWrittenAsStShowsRunAgainstIt() throws Exception {
        BuildResult result = cubeBundle("cube-shipped");
        Path bundle = BundleFiles.extract(result.bundle(), work.resolve("cube-unzipped"));
        Path example = bundle.resolve("Example");
        ProcessRunner runner = new ProcessRunner(LIMIT);

        ProcessResult make = runner.run(example, List.of("make"));
        assertThat(make.exitCode()).as(make.output()).isZero();
        assertThat(make.output()).as("warnings").doesNotContain("warning");
        assertGolden(example.resolve("build/firmware.elf"), golden);

        String template = Files.readString(bundle.resolve("App/app_x-cube-ai.c"));
        String filled = Files.readString(example.resolve("app_x-cube-ai.c"));
        assertThat(CubeMxUserCode.sections(template)).containsExactly("header", "includes", "log", "2", "5", "6");
        assertThat(template)
                .contains("void MX_X_CUBE_AI_Init(void)", "void MX_X_CUBE_AI_Process(void)")
                .contains("static int ai_boostrap(ai_handle *act_addr)", "static int ai_run(void)")
                .contains("ai_i8 *data_ins[AI_NETWORK_IN_NUM]", "ai_i8 *data_outs[AI_NETWORK_OUT_NUM]")
                .contains("int acquire_and_process_data(ai_i8 *data[])", "int post_process(ai_i8 *data[])");
        assertThat(CubeMxUserCode.withoutUserCode(filled)).isEqualTo(CubeMxUserCode.withoutUserCode(template));
        assertThat(filled).isNotEqualTo(template);

        // the template as shipped, with a CubeMX main: compiles and links without a warning
        ProcessResult templateBuild = runner.run(
                example,
                List.of(
                        "make",
                        "APP_SOURCES=../App/app_x-cube-ai.c " + TestResources.path("cubeai/template_main.c"),
                        "BUILD=" + work.resolve("cube-template-build")));
        assertThat(templateBuild.exitCode()).as(templateBuild.output()).isZero();
        assertThat(templateBuild.output()).as("warnings").doesNotContain("warning");

        // legacy ai_network_create + ai_network_init, own descriptors, the address tables: the golden outputs
        ProcessResult legacy = runner.run(
                example,
                List.of(
                        "make",
                        "APP_SOURCES=" + TestResources.path("cubeai/legacy_create_init.c"),
                        "BUILD=" + work.resolve("cube-legacy-build")));
        assertThat(legacy.exitCode()).as(legacy.output()).isZero();
        assertThat(legacy.output()).as("warnings").doesNotContain("warning");
        assertGolden(work.resolve("cube-legacy-build/firmware.elf"), golden.subList(0, 3));

        // every macro name of ai_platform.h, network.h and network_data(_params).h, checked at compile time, and
        // the initializers and readers used once each (the program returns how many gave a wrong value)
        ProcessResult api = runner.run(
                example,
                List.of(
                        "make",
                        "APP_SOURCES=" + TestResources.path("cubeai/platform_api.c"),
                        "BUILD=" + work.resolve("cube-api-build")));
        assertThat(api.exitCode()).as(api.output()).isZero();
        assertThat(api.output()).as("warnings").doesNotContain("warning");
        QemuResult apiRun = QemuRunner.builder()
                .optTimeLimit(Duration.ofMinutes(1))
                .build()
                .run(work.resolve("cube-api-build/firmware.elf"), List.of());
        assertThat(apiRun.exitCode()).as(apiRun.lines().toString()).isZero();

        // walking the report with printf and the platform's format macros
        ProcessResult report = runner.run(
                example,
                List.of(
                        "make",
                        "APP_SOURCES=" + TestResources.path("cubeai/report_walk.c"),
                        "BUILD=" + work.resolve("cube-report-build")));
        assertThat(report.exitCode()).as(report.output()).isZero();
        assertThat(report.output()).as("warnings").doesNotContain("warning");
        QemuResult run = QemuRunner.builder()
                .optTimeLimit(Duration.ofMinutes(1))
                .build()
                .run(work.resolve("cube-report-build/firmware.elf"), List.of());
        String printed = String.join("\n", run.lines());
        int scale = Math.round(kwsInputScale() * 1_000_000f);
        assertThat(printed)
                .contains("model kws (c-name network)")
                .contains("input 0: int8, 490 elements, 490 bytes, shape 1 1 10 49, scale " + scale + "/1000000")
                .contains("output 0: int8, 12 elements, 12 bytes, shape 1 12 1 1")
                .contains("activations 1 buffers, " + result.memoryReport().arenaBytes() + " bytes")
                .contains("activations 0 at offset 0")
                .contains("report-end");
        assertThat(run.exitCode()).isZero();
    }

    private static float kwsInputScale() {
        return kws.inputTensor(0).quantization().scales()[0];
    }

    private static void assertGolden(Path elf, List<MlperfTiny.GoldenCase> cases) {
        try (QemuSession session =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build().start(elf)) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(60));
            assertThat(client.awaitReady().model()).isEqualTo("kws");
            for (int i = 0; i < cases.size(); i++) {
                assertThat(client.run(cases.get(i).input()).output())
                        .as("case %d", i)
                        .containsExactly(cases.get(i).output());
            }
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

        assertEveryIncludeResolves(bundle, "nucleo-l4r5zi");
        // TFLM's library where TFLM's Makefile writes it with OPTIMIZED_KERNEL_DIR=cmsis_nn
        ProcessResult library = runner.run(
                bundle,
                List.of("make", "TFLM_DIR=/tflm", "--eval=print-tflm-lib: ; @echo $(TFLM_LIB)", "print-tflm-lib"));
        assertThat(library.output().strip())
                .isEqualTo(
                        "/tflm/gen/cortex_m_generic_cortex-m4+fp_default_cmsis_nn_gcc/lib/libtensorflow-microlite.a");
        // every C source of the bundle (board, serial protocol, DSP twin, newlib stubs) compiles as the Makefile does
        List<String> cSources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(bundle)) {
            files.filter(file -> file.toString().endsWith(".c"))
                    .forEach(file -> cSources.add(bundle.relativize(file).toString()));
        }
        assertThat(cSources).contains("newlib_stubs.c", "boards/common/ef_serial_protocol.c");
        for (String source : cSources) {
            Path object = objects.resolve(source.replace('/', '_') + ".o");
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
                            "-I.",
                            "-Iinclude",
                            "-Iboards/common",
                            "-Iboards/nucleo-l4r5zi",
                            "-Idsp",
                            "-c",
                            source,
                            "-o",
                            object.toString()));
        }
        ProcessResult symbols = runner.run(
                bundle,
                List.of(
                        "arm-none-eabi-nm",
                        "--defined-only",
                        objects.resolve("newlib_stubs.c.o").toString()));
        for (String call : List.of(
                "_exit", "_kill", "_getpid", "_sbrk", "_write", "_close", "_fstat", "_isatty", "_lseek", "_read")) {
            assertThat(symbols.output()).as(call).containsPattern(" T " + call + "\\b");
        }
    }

    /**
     * Every {@code #include "..."} of the bundle's sources names a file of the bundle (beside the includer or on the
     * Makefile's include path) or TFLM's own tree ({@code tensorflow/}, and its third-party downloads).
     */
    private static void assertEveryIncludeResolves(Path bundle, String boardId) throws IOException {
        List<Path> includePath = List.of(
                bundle,
                bundle.resolve("include"),
                bundle.resolve("boards/common"),
                bundle.resolve("boards/" + boardId),
                bundle.resolve("dsp"));
        Pattern include = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(bundle)) {
            sources = files.filter(file -> file.toString().matches(".*\\.(c|cc|h)$"))
                    .toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            Matcher m = include.matcher(Files.readString(source));
            while (m.find()) {
                String name = m.group(1);
                if (name.startsWith("tensorflow/")) {
                    continue;
                }
                boolean found = Files.isRegularFile(source.getParent().resolve(name))
                        || includePath.stream().anyMatch(dir -> Files.isRegularFile(dir.resolve(name)));
                assertThat(found)
                        .as(bundle.relativize(source) + " includes \"" + name + "\", which is not in the bundle")
                        .isTrue();
            }
        }
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
