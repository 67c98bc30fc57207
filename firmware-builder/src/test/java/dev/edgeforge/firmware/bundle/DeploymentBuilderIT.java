package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.codegen.InputQuantizer;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.firmware.verification.VerificationReport;
import dev.edgeforge.firmware.verification.VerificationRequest;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment path end to end on a real network and a real impulse: the MLPerf Tiny keyword-spotting model behind
 * an MFCC block, built as firmware for the emulated STM32F405 and as a C library; the bundles' contents, the
 * firmware's boot window and raw-window command in QEMU, verification against the Java interpreter, rebuilding from
 * the bundled sources, the cache, and failures carrying the compiler's output.
 */
class DeploymentBuilderIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static DeploymentBuilder builder;
    static ModelGraph kws;
    static BuildRequest firmwareRequest;
    static BuildResult firmware;
    static List<TestWindow> windows;
    static float[] clipYes;
    static float[] clipNo;

    @BeforeAll
    static void buildFirmware() {
        builder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .build();
        kws = MlperfTiny.graph(MlperfTiny.byShortName().get("kws"));
        clipYes = KwsImpulse.clip(140, 700, 1);
        clipNo = KwsImpulse.clip(210, 1200, 2);
        windows = new ArrayList<>(List.of(TestWindow.raw(clipYes, "yes"), TestWindow.raw(clipNo, "no")));
        for (MlperfTiny.GoldenCase golden :
                MlperfTiny.golden(MlperfTiny.byShortName().get("kws"))) {
            windows.add(TestWindow.quantized(golden.input(), null));
        }
        firmwareRequest = new BuildRequest(
                "kws words",
                kws,
                Optional.of(KwsImpulse.impulse()),
                KwsImpulse.LABELS,
                "netduinoplus2-qemu",
                DeploymentFormat.FIRMWARE,
                windows);
        firmware = builder.build(firmwareRequest, work.resolve("build-1"), LIMIT);
    }

    @Test
    void firmwareBundleHoldsImagesSourcesReportsAndChecksums() throws Exception {
        assertThat(firmware.fromCache()).isFalse();
        assertThat(firmware.compilerOutput()).as("compiler warnings").isEmpty();
        assertThat(firmware.bundle().getFileName().toString()).isEqualTo("kws-words-firmware-netduinoplus2-qemu.zip");
        assertThat(firmware.bundleSha256()).isEqualTo(ModelIdentity.sha256(Files.readAllBytes(firmware.bundle())));
        List<String> names = BundleFiles.names(firmware.bundle());
        String root = "kws-words-firmware-netduinoplus2-qemu/";
        assertThat(names)
                .contains(
                        root + "firmware.elf",
                        root + "firmware.bin",
                        root + "firmware.hex",
                        root + "firmware.map",
                        root + "README.md",
                        root + "MEMORY.md",
                        root + "FLASHING.md",
                        root + "PROTOCOL.md",
                        root + "SHA256SUMS",
                        root + "sources/Makefile",
                        root + "sources/app/main.c",
                        root + "sources/library/include/ef/ef_model.h",
                        root + "sources/library/model/model.c",
                        root + "sources/library/model/model_data.c",
                        root + "sources/library/dsp/ef_impulse_dsp.c",
                        root + "sources/boards/netduinoplus2-qemu/linker.ld",
                        root + "sources/boards/common/ef_board.h");

        Path extracted = BundleFiles.extract(firmware.bundle(), work.resolve("extracted"));
        List<String> sums = Files.readAllLines(extracted.resolve("SHA256SUMS"));
        assertThat(sums).hasSize(names.size() - 1);
        for (String line : sums) {
            String[] parts = line.split(" {2}", 2);
            assertThat(ModelIdentity.sha256(Files.readAllBytes(extracted.resolve(parts[1]))))
                    .as(parts[1])
                    .isEqualTo(parts[0]);
        }
        String modelC = Files.readString(extracted.resolve("sources/library/model/model.c"));
        assertThat(modelC.lines().findFirst().orElseThrow())
                .startsWith("/* Generated by EdgeForge c-library")
                .contains("'kws words'")
                .contains(ModelIdentity.of("kws words", kws).sha256());
        assertThat(modelC).doesNotContain("malloc");

        MemoryReport memory = firmware.memoryReport();
        // In-place execution (packed kernels) lets the plan go below the liveness bound.
        assertThat(memory.arenaBytes()).isLessThanOrEqualTo(16_000);
        assertThat(memory.arenaLowerBound()).isEqualTo(16_000);
        assertThat(memory.modelConstantBytes()).isBetween(22_604L, 22_604L * 4 + 4096);
        MemoryReport.ImageMemory image = memory.image().orElseThrow();
        assertThat(image.flashBytes()).isEqualTo(image.text() + image.data());
        // arena + one raw audio window, buffered as int16 counts: 32,000 B, not the 64,000 B float32 would take
        assertThat(image.ramBytes()).isBetween(memory.arenaBytes() + 32_000L, memory.arenaBytes() + 64_000L);
        assertThat(image.sections()).extracting(MemoryReport.SectionUsage::name).contains(".text", ".bss");
        assertThat(image.flashByFile()).containsKey("model_data.o");
        String report = Files.readString(extracted.resolve("MEMORY.md"));
        assertThat(report)
                .contains("16,000 B")
                .contains("in-place execution keeps the arena")
                .contains("| RAM | `.bss` |");
    }

    @Test
    void bundledSourcesRebuildTheSameImage() throws Exception {
        Path extracted = BundleFiles.extract(firmware.bundle(), work.resolve("rebuild"));
        ProcessResult make = new ProcessRunner(LIMIT).run(extracted.resolve("sources"), List.of("make", "-j2"));
        assertThat(make.exitCode()).as(make.output()).isZero();
        assertThat(Files.readAllBytes(extracted.resolve("sources/build/firmware.bin")))
                .isEqualTo(Files.readAllBytes(extracted.resolve("firmware.bin")));
    }

    @Test
    void firmwareClassifiesItsBootWindowAndRawWindowsLikeTheServer() {
        ImpulseDsp dsp = ImpulseDsp.of(KwsImpulse.impulse());
        NetworkCore core = NetworkCore.of(kws);
        InputQuantizer quantizer = new InputQuantizer(core.inputQuantization(), 490, Optional.of(dsp));
        Interpreter reference = new Interpreter(core.graph());
        byte[] serverYes = reference.runInt8(quantizer.int8Input(windows.get(0)));
        byte[] serverNo = reference.runInt8(quantizer.int8Input(windows.get(1)));

        QemuRunner qemu =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build();
        DeviceBanner banner;
        InferenceResult no;
        InferenceResult golden;
        try (QemuSession session = qemu.start(firmware.firmwareElf().orElseThrow())) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(60));
            banner = client.awaitReady();
            no = client.classifyWindow(dsp.windowBytes(clipNo));
            golden = client.run(MlperfTiny.golden(MlperfTiny.byShortName().get("kws"))
                    .get(3)
                    .input());
            client.quit();
        }
        assertThat(banner.model()).isEqualTo("kws words");
        assertThat(banner.windowBytes()).hasValue(32_000); // one second of 16 kHz audio as int16
        System.out.printf(
                "boot window: device %s, server %s%n", banner.bootResult().orElseThrow(), Arrays.toString(serverYes));
        System.out.printf("raw window:  device %s, server %s%n", no, Arrays.toString(serverNo));
        // The device computes the MFCC in float32 with newlib's libm: features agree within 1e-4, so the quantized
        // input, and through it the scores, may differ by a step or two from the server's.
        assertClose(banner.bootResult().orElseThrow().output(), serverYes);
        assertClose(no.output(), serverNo);
        assertThat(banner.bootResult().orElseThrow().count())
                .as("DSP + network")
                .isGreaterThan(golden.count());
        assertThat(golden.output())
                .containsExactly(MlperfTiny.golden(MlperfTiny.byShortName().get("kws"))
                        .get(3)
                        .output());
    }

    @Test
    void verificationInQemuMatchesTheJavaInterpreterBitForBit() {
        QemuVerifier verifier = QemuVerifier.standard(Duration.ofMinutes(2));
        VerificationReport report = verifier.verify(
                firmware.firmwareElf().orElseThrow(),
                new VerificationRequest(kws, Optional.of(KwsImpulse.impulse()), KwsImpulse.LABELS, windows));
        System.out.println("verification: " + report);
        assertThat(report.failure()).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.windows()).isEqualTo(windows.size());
        assertThat(report.matching()).isEqualTo(windows.size());
        assertThat(report.boardId()).isEqualTo("netduinoplus2-qemu");
        assertThat(report.counterUnit()).isEqualTo("instr");
        VerificationReport.InstructionStats instructions = report.instructions().orElseThrow();
        assertThat(instructions.min()).isPositive();
        assertThat(instructions.max()).isLessThan(instructions.min() + instructions.min() / 100);
        assertThat(report.deviceAccuracy()).isPresent();
        assertThat(report.deviceAccuracy()).isEqualTo(report.referenceAccuracy());

        // The same image against a model with one changed bias must not verify.
        ModelGraph changed = withChangedBias(kws);
        VerificationReport wrong = verifier.verify(
                firmware.firmwareElf().orElseThrow(),
                new VerificationRequest(changed, Optional.empty(), List.of(), windows.subList(2, windows.size())));
        assertThat(wrong.verified()).isFalse();
        assertThat(wrong.mismatchCount()).isPositive();
        assertThat(wrong.mismatches())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.maxDifference()).isPositive());
    }

    @Test
    void identicalInputsReuseTheCachedBuild() {
        BuildResult again = builder.build(firmwareRequest, work.resolve("build-2"), LIMIT);
        assertThat(again.fromCache()).isTrue();
        assertThat(again.cacheKey()).isEqualTo(firmware.cacheKey());
        assertThat(again.bundleSha256()).isEqualTo(firmware.bundleSha256());
        assertThat(again.memoryReport()).isEqualTo(firmware.memoryReport());
        assertThat(again.firmwareElf()).isPresent();
        BuildRequest otherLabels = new BuildRequest(
                "kws words",
                kws,
                Optional.of(KwsImpulse.impulse()),
                List.of(),
                "netduinoplus2-qemu",
                DeploymentFormat.FIRMWARE,
                windows);
        assertThat(BuildCache.key(otherLabels, DeploymentBuilder.VERSION, "x"))
                .isNotEqualTo(BuildCache.key(firmwareRequest, DeploymentBuilder.VERSION, "x"));
    }

    @Test
    void cLibraryBundleBuildsWithItsOwnMakefile() throws Exception {
        BuildResult library = builder.build(
                new BuildRequest(
                        "kws",
                        kws,
                        Optional.empty(),
                        KwsImpulse.LABELS,
                        "nucleo-f446re",
                        DeploymentFormat.C_LIBRARY,
                        windows.subList(2, 3)),
                work.resolve("c-library"),
                LIMIT);
        List<String> names = BundleFiles.names(library.bundle());
        String root = "kws-c-library-nucleo-f446re/";
        assertThat(names)
                .contains(
                        root + "README.md",
                        root + "Makefile",
                        root + "MEMORY.md",
                        root + "SHA256SUMS",
                        root + "include/ef/ef_model.h",
                        root + "include/ef/ef_compiler.h",
                        root + "model/ef_model_config.h",
                        root + "model/model.c",
                        root + "runtime/ef_model.c",
                        root + "kernels/reference/conv2d.c",
                        root + "kernels/cortex_m/conv2d.c");
        assertThat(names).noneMatch(name -> name.endsWith(".elf") || name.contains("/dsp/"));
        assertThat(library.memoryReport().image().orElseThrow().flashCapacityBytes())
                .isEqualTo(512 * 1024);
        Path extracted = BundleFiles.extract(library.bundle(), work.resolve("c-library-extracted"));
        ProcessResult make = new ProcessRunner(LIMIT).run(extracted, List.of("make", "-j2"));
        assertThat(make.exitCode()).as(make.output()).isZero();
        assertThat(extracted.resolve("libefmodel.a")).isRegularFile();
    }

    @Test
    void aFailingCompilerReachesTheCallerWithItsOutput() throws Exception {
        Path fake = work.resolve("fake-gcc.sh");
        Files.writeString(
                fake, "#!/bin/sh\necho 'model.c:1:1: error: the fake compiler refuses everything' >&2\n" + "exit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        DeploymentBuilder failing = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache-fake"))
                .optArmToolchain(new Toolchain("fake-gcc", fake, fake, fake))
                .build();
        assertThatThrownBy(() -> failing.build(firmwareRequest, work.resolve("failing"), LIMIT))
                .isInstanceOfSatisfying(DeploymentBuildFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("did not compile");
                    assertThat(e.compilerOutput()).contains("the fake compiler refuses everything");
                });

        Path slow = work.resolve("slow-gcc.sh");
        Files.writeString(slow, "#!/bin/sh\necho 'compiling slowly'\nsleep 30\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        DeploymentBuilder slowBuilder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache-slow"))
                .optArmToolchain(new Toolchain("slow-gcc", slow, slow, slow))
                .build();
        assertThatThrownBy(() -> slowBuilder.build(firmwareRequest, work.resolve("slow"), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(DeploymentBuildFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("was stopped");
                    assertThat(e.compilerOutput()).contains("compiling slowly");
                });
    }

    private static void assertClose(byte[] device, byte[] server) {
        assertThat(device).hasSameSizeAs(server);
        for (int i = 0; i < device.length; i++) {
            assertThat(Math.abs(device[i] - server[i]))
                    .as("score %d: device %d, server %d", i, device[i], server[i])
                    .isLessThanOrEqualTo(3);
        }
    }

    /** The graph with the first int32 bias's first value raised by 1000. */
    private static ModelGraph withChangedBias(ModelGraph graph) {
        ModelGraph.Builder builder = graph.toBuilder();
        for (Tensor tensor : graph.tensors()) {
            if (tensor.isConstant() && tensor.type() == DataType.INT32 && tensor.elementCount() > 1) {
                int[] values = tensor.int32Data();
                values[0] += 1000;
                ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asIntBuffer().put(values);
                builder.replaceTensor(new Tensor(
                        tensor.id(),
                        tensor.name(),
                        tensor.type(),
                        tensor.shape(),
                        tensor.quantization(),
                        bytes.array()));
                return builder.build();
            }
        }
        throw new IllegalStateException("no bias to change");
    }
}
