package dev.edgeforge.firmware.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.PixelFormat;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.firmware.ImageShapes;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.SharedTflm;
import dev.edgeforge.firmware.TinyInt8Model;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.codegen.InputQuantizer;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.toolchain.ExecutableSearchPath;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.testing.RecordingJobContext;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentChecklist;
import dev.edgeforge.jobs.deploy.DeploymentObjects;
import dev.edgeforge.jobs.deploy.MemoryReport;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment job end to end with a real object store (filesystem, in a temporary folder), the real compiler and
 * QEMU: the MLPerf Tiny anomaly-detection model deployed as firmware for the emulated STM32F405 and verified on
 * every window, the keyword-spotting model with its MFCC impulse as a C library verified on its labelled test set, a
 * board QEMU does not emulate, random windows for a model without a test set, a compiler that fails, a cancel, and
 * payloads the job refuses.
 */
class DeployJobHandlerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    static ObjectStore store;
    static DeployJobHandler handler;
    static final UUID PROJECT = UUID.randomUUID();

    @BeforeAll
    static void setUp() {
        store = new FileSystemObjectStore(work.resolve("objects"));
        handler = DeployJobHandler.builder()
                .setObjectStore(store)
                .setWorkDirectory(work.resolve("work"))
                .optVerificationBatchSize(5)
                .build();
    }

    @Test
    void anomalyDetectionFirmwareForTheEmulatedBoardIsVerifiedOnEveryWindowAndBundled() throws Exception {
        MlperfTiny.Model ad = MlperfTiny.byShortName().get("ad");
        UUID modelId = UUID.randomUUID();
        String modelKey =
                storeModel(modelId, Files.readAllBytes(MlperfTiny.directory().resolve(ad.file() + ".tflite")));
        List<TestWindow> golden = new ArrayList<>();
        for (MlperfTiny.GoldenCase c : MlperfTiny.golden(ad)) {
            golden.add(TestWindow.quantized(c.input(), null));
        }
        String windowsKey = "projects/" + PROJECT + "/models/" + modelId + "/test-windows.json";
        store.put(windowsKey, TestWindowFile.json(golden));
        UUID deploymentId = UUID.randomUUID();
        RecordingJobContext context = recording(payload(
                deploymentId,
                modelId,
                "ad01",
                List.of(),
                "int8",
                "netduinoplus2-qemu",
                "firmware",
                modelKey,
                null,
                windowsKey));

        handler.run(context);

        DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
        System.out.println("AD firmware: " + context.log());
        assertThat(result.verification()).isInstanceOf(DeployResult.Verified.class);
        DeployResult.Verified verification = (DeployResult.Verified) result.verification();
        assertThat(verification.status()).isEqualTo(DeployResult.Verification.VERIFIED);
        assertThat(verification.verified()).isTrue();
        assertThat(verification.windows()).isEqualTo(8);
        assertThat(verification.matching()).isEqualTo(8);
        assertThat(verification.mismatchCount()).isZero();
        assertThat(verification.board()).isEqualTo("netduinoplus2-qemu");
        assertThat(verification.windowSource()).isEqualTo(TestWindowFile.SOURCE_GIVEN);
        assertThat(verification.counterUnit()).isEqualTo("instr");
        assertThat(verification.deviceAccuracy()).as("no labels, no accuracy").isNull();
        DeployResult.Instructions instructions = verification.instructions();
        assertThat(instructions.min()).isPositive();
        // the estimator's network model against what the firmware measured on itself
        assertThat((double) verification.estimatedInstructions())
                .isCloseTo(instructions.mean(), within(0.05 * instructions.mean()));
        // batches of 5 and 3 run at once (one QEMU per processor): whichever ends first is counted first
        assertThat(context.log())
                .containsPattern("Verified [35] of 8 windows")
                .contains("Verified 8 of 8 windows", "VERIFIED: all 8");
        assertThat(context.progressValues()).isSorted().endsWith(1.0);

        // the stored bundle: images, sources, memory report, flashing notes, checksums that match
        assertThat(result.bundle().key())
                .isEqualTo(DeploymentObjects.bundle(PROJECT, deploymentId))
                .isEqualTo("projects/" + PROJECT + "/deployments/" + deploymentId + "/bundle.zip");
        byte[] zip = read(result.bundle().key());
        assertThat(zip).hasSize((int) result.bundle().bytes());
        assertThat(ModelIdentity.sha256(zip)).isEqualTo(result.bundle().sha256());
        assertThat(result.bundle().fileName()).isEqualTo("ad01-firmware-netduinoplus2-qemu.zip");
        Map<String, byte[]> files = unzip(zip);
        String root = "ad01-firmware-netduinoplus2-qemu/";
        assertThat(files)
                .containsKeys(
                        root + "firmware.elf",
                        root + "firmware.bin",
                        root + "firmware.hex",
                        root + "MEMORY.md",
                        root + "FLASHING.md",
                        root + "PROTOCOL.md",
                        root + "README.md",
                        root + "SHA256SUMS",
                        root + "sources/Makefile",
                        root + "sources/app/main.c",
                        root + "sources/library/model/model.c",
                        root + "sources/library/model/model_data.c");
        List<String> sums = new String(files.get(root + "SHA256SUMS")).lines().toList();
        assertThat(sums).hasSize(files.size() - 1);
        for (String line : sums) {
            String[] parts = line.split(" {2}", 2);
            assertThat(files).containsKey(root + parts[1]);
            assertThat(ModelIdentity.sha256(files.get(root + parts[1])))
                    .as(parts[1])
                    .isEqualTo(parts[0]);
        }
        assertThat(new String(files.get(root + "MEMORY.md"))).contains("768 B");

        // sizes and the memory report, and the estimate made before the build beside them in the report
        DeployResult.Sizes sizes = result.sizes();
        assertThat(sizes.arenaBytes()).isEqualTo(768);
        assertThat(sizes.arenaLowerBound()).isEqualTo(768);
        assertThat(sizes.flashCapacityBytes()).isEqualTo(1024 * 1024);
        assertThat(sizes.flashBytes()).isGreaterThan(sizes.modelConstantBytes());
        assertThat(result.memoryReport().image()).isPresent();
        DeploymentReport report = JSON.readValue(read(result.reportKey()), DeploymentReport.class);
        assertThat(report.result()).isEqualTo(result);
        assertThat(report.builderVersion()).isEqualTo(DeploymentBuilder.VERSION);
        assertThat((double) report.estimate().flash().totalBytes())
                .isCloseTo(sizes.flashBytes(), within(0.03 * sizes.flashBytes()));
        assertThat((double) report.estimate().ram().totalBytes())
                .isCloseTo(sizes.ramBytes(), within(0.02 * sizes.ramBytes()));

        // peak RAM: the ELF's static RAM (the linker map's RAM sections but the stack's reservation) + the painted
        // stack's high-water mark; below the RAM the link reserved, which holds the whole stack reservation
        long staticRam = result.memoryReport().image().orElseThrow().sections().stream()
                .filter(section ->
                        section.region().equals("RAM") && !section.name().equals(".stack"))
                .mapToLong(MemoryReport.SectionUsage::bytes)
                .sum();
        assertThat(staticRam).isGreaterThanOrEqualTo(768);
        assertThat(verification.stackBytes()).isPositive();
        assertThat(verification.peakRamBytes()).isEqualTo(staticRam + verification.stackBytes());
        assertThat(verification.peakRamBytes()).isLessThan(sizes.ramBytes());
        // the checklist: everything measured on the emulated device, and the same in the bundle's README; MLPerf Tiny's
        // autoencoder has more than 256 KB of weights alone, so its image fails the flash item
        DeploymentChecklist checklist = result.checklist();
        assertThat(checklist.items())
                .extracting(
                        DeploymentChecklist.Item::id,
                        DeploymentChecklist.Item::outcome,
                        DeploymentChecklist.Item::basis)
                .containsExactly(
                        tuple("flash", "fail", "measured"),
                        tuple("latency", "pass", "measured"),
                        tuple("peak-ram", "pass", "measured"),
                        tuple("verified", "pass", "measured"));
        assertThat(sizes.modelConstantBytes()).isGreaterThan(DeploymentChecklist.FLASH_LIMIT_BYTES);
        assertThat(checklist.items().get(0).figure()).isEqualTo((double) sizes.flashBytes());
        assertThat(checklist.items().get(1).figure())
                .isEqualTo(1000.0
                        * instructions.max()
                        / BoardCatalogue.standard()
                                .find("netduinoplus2-qemu")
                                .orElseThrow()
                                .clockHz());
        assertThat(checklist.items().get(2).figure()).isEqualTo((double) verification.peakRamBytes());
        assertThat(new String(files.get(root + "README.md"), StandardCharsets.UTF_8))
                .contains("## Checklist", "Not every item passed.")
                .contains(String.format(
                        Locale.ROOT, "| Peak RAM measured | PASS | %,d bytes |", verification.peakRamBytes()));
    }

    @Test
    void keywordSpottingCLibraryWithItsImpulseIsVerifiedOnItsLabelledTestSet() throws Exception {
        MlperfTiny.Model kws = MlperfTiny.byShortName().get("kws");
        UUID modelId = UUID.randomUUID();
        String modelKey =
                storeModel(modelId, Files.readAllBytes(MlperfTiny.directory().resolve(kws.file() + ".tflite")));
        Impulse impulse = KwsImpulse.impulse();
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        // label even windows with the class the server predicts and odd ones with another: accuracy is then 50%
        // exactly, on the server and (if it computes the same) on the device, across two QEMU runs
        NetworkCore core = NetworkCore.of(MlperfTiny.graph(kws));
        InputQuantizer quantizer =
                new InputQuantizer(core.inputQuantization(), core.input().elementCount(), Optional.of(dsp));
        Interpreter reference = new Interpreter(core.graph());
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float[] features = dsp.features(KwsImpulse.clip(120 + 25 * i, 500 + 150 * i, i));
            int predicted = argmax(reference.runInt8(quantizer.quantize(features)));
            String label = KwsImpulse.LABELS.get(i % 2 == 0 ? predicted : (predicted + 1) % KwsImpulse.LABELS.size());
            rows.add(new FeatureRow("sample-" + i, 0, 0, label, features));
        }
        String testSetKey = "projects/" + PROJECT + "/features/1/test.effs";
        store.put(testSetKey, FeatureSet.of(1, FeatureLayout.of(impulse), rows).toBytes());
        UUID deploymentId = UUID.randomUUID();
        RecordingJobContext context = recording(payload(
                deploymentId,
                modelId,
                "kws",
                KwsImpulse.LABELS,
                "int8",
                "netduinoplus2-qemu",
                "c-library",
                modelKey,
                impulse,
                testSetKey));

        handler.run(context);

        DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
        System.out.println("KWS c-library: " + context.log());
        assertThat(result.verification()).isInstanceOf(DeployResult.Verified.class);
        DeployResult.Verified verification = (DeployResult.Verified) result.verification();
        assertThat(verification.windowSource()).isEqualTo(TestWindowFile.SOURCE_TEST_SET);
        // no test samples to cut raw windows from: the server's features through the network, and it says so
        assertThat(verification.path()).isEqualTo(DeployResult.EmulatedRun.PATH_FEATURES);
        assertThat(verification.windowNote()).contains("as features");
        assertThat(verification.instructions().dsp()).isNull();
        assertThat(verification.windows()).isEqualTo(6);
        assertThat(verification.labelledWindows()).isEqualTo(6);
        assertThat(verification.serverAccuracy()).isEqualTo(0.5);
        assertThat(verification.deviceAccuracy()).isEqualTo(0.5);
        assertThat(context.log()).contains("Top-1 accuracy on 6 labelled windows");
        assertThat((double) verification.estimatedInstructions())
                .isCloseTo(
                        verification.instructions().mean(),
                        within(0.05 * verification.instructions().mean()));
        assertThat(result.format()).isEqualTo("c-library");
        Map<String, byte[]> files = unzip(read(result.bundle().key()));
        String root = "kws-c-library-netduinoplus2-qemu/";
        assertThat(files)
                .containsKeys(
                        root + "Makefile",
                        root + "MEMORY.md",
                        root + "SHA256SUMS",
                        root + "include/ef/ef_model.h",
                        root + "model/model.c");
        assertThat(files.keySet()).noneMatch(name -> name.endsWith(".elf"));
        DeploymentReport report = JSON.readValue(read(result.reportKey()), DeploymentReport.class);
        assertThat((double) report.estimate().ram().totalBytes())
                .as("RAM with the MFCC buffers")
                .isCloseTo(
                        result.sizes().ramBytes(), within(0.02 * result.sizes().ramBytes()));
        assertThat(report.estimate().ram().dspBytes()).isPositive();
    }

    /**
     * A real MFCC audio deployment: spoken digits (FSDD, 8 kHz WAV, resampled by the impulse to 16 kHz) through the
     * MLPerf Tiny KWS network. The test set's rows are cut again from the stored WAV samples and sent raw
     * ({@code window}), so the device's own MFCC runs; its outputs must equal the server's (Java MFCC twin + int8
     * interpreter) on every window. The same for the {@code stm32cubeai} format (issue #14), whose image is its
     * bundle's {@code Example/}: the X-CUBE-AI template whose {@code acquire_and_process_data} runs the MFCC.
     */
    @ParameterizedTest
    @ValueSource(strings = {"firmware", "stm32cubeai"})
    void anMfccAudioDeploymentIsVerifiedOnRawSpokenDigitsThroughTheDevicesOwnDsp(String format) throws Exception {
        MlperfTiny.Model kws = MlperfTiny.byShortName().get("kws");
        UUID modelId = UUID.randomUUID();
        String modelKey =
                storeModel(modelId, Files.readAllBytes(MlperfTiny.directory().resolve(kws.file() + ".tflite")));
        Impulse impulse = KwsImpulse.impulse();
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<FeatureRow> rows = new ArrayList<>();
        List<FeatureJobSample> samples = new ArrayList<>();
        Path fsdd = Path.of("/work/shared/datasets/fsdd-dev");
        for (String file : List.of(
                "0_jackson_0.wav",
                "1_nicolas_1.wav",
                "2_theo_2.wav",
                "3_jackson_3.wav",
                "4_nicolas_4.wav",
                "5_theo_0.wav",
                "6_jackson_1.wav",
                "7_nicolas_2.wav",
                "8_theo_3.wav",
                "9_jackson_4.wav")) {
            byte[] wav = Files.readAllBytes(fsdd.resolve(file));
            String sha = ModelIdentity.sha256(wav);
            String key = "projects/" + PROJECT + "/samples/" + sha;
            store.put(key, wav);
            String id = UUID.randomUUID().toString();
            String digit = file.substring(0, 1);
            samples.add(new FeatureJobSample(id, digit, "testing", key, sha, file));
            rows.addAll(extractor.extract(
                    id, digit, FeatureSource.of(SampleParsers.parse(file, wav, SampleParseOptions.defaults()))));
        }
        String testSetKey = "projects/" + PROJECT + "/features/1/fsdd-test.effs";
        store.put(testSetKey, FeatureSet.of(1, FeatureLayout.of(impulse), rows).toBytes());
        RecordingJobContext context = recording(JSON.writeValueAsString(new DeployJobPayload(
                UUID.randomUUID(),
                modelId,
                "digits",
                KwsImpulse.LABELS,
                "int8",
                "netduinoplus2-qemu",
                format,
                modelKey,
                JSON.readTree(ImpulseJson.write(impulse)),
                impulse.version(),
                testSetKey,
                samples)));

        handler.run(context);

        DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
        assertThat(result.format()).isEqualTo(format);
        System.out.println("FSDD raw (" + format + "): " + context.log());
        assertThat(result.verification()).as(context.log()).isInstanceOf(DeployResult.Verified.class);
        DeployResult.Verified verified = (DeployResult.Verified) result.verification();
        assertThat(verified.windows()).isEqualTo(rows.size()).isEqualTo(10);
        assertThat(verified.matching()).isEqualTo(10);
        assertThat(verified.path()).isEqualTo(DeployResult.EmulatedRun.PATH_RAW);
        assertThat(verified.windowNote()).contains("raw windows");
        DeployResult.Instructions instructions = verified.instructions();
        assertThat(instructions.dsp().min()).isPositive();
        assertThat(instructions.network().min()).isPositive();
        assertThat(instructions.dsp().mean() + instructions.network().mean())
                .isCloseTo(instructions.mean(), within(1.0));
        assertThat(verified.stackBytes()).isPositive();
        System.out.printf(
                "FSDD raw (%s): dsp %s, network %s, total mean %.0f, stack %d B%n",
                format, instructions.dsp(), instructions.network(), instructions.mean(), verified.stackBytes());
    }

    /**
     * An image deployment is verified through the device's own image block: each test picture (PNG, 160×120) becomes
     * the frame of the configured camera (64×48 RGB565), which the firmware resizes to the impulse's 24×24 RGB in
     * integer arithmetic straight into the int8 input; every output equals the server's bit for bit. Two QEMUs at
     * once, a stratified sample of 4 stored first, then all 12.
     */
    @Test
    void anImageDeploymentIsVerifiedOnRawCameraFramesThroughTheDevicesOwnImageBlock() throws Exception {
        Impulse impulse = ImageShapes.impulse(
                24, ColorDepth.RGB, new ImageParams(ImageNormalization.ZERO_TO_ONE, 64, 48, PixelFormat.RGB565));
        UUID modelId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(ImageShapes.model(24, 3, 3)));
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<FeatureRow> rows = new ArrayList<>();
        List<FeatureJobSample> samples = new ArrayList<>();
        List<ImageShapes.Picture> pictures = ImageShapes.pictures(12, 160, 120, 11);
        for (int i = 0; i < pictures.size(); i++) {
            ImageShapes.Picture picture = pictures.get(i);
            BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 160, 120, picture.image().pixels(), 0, 160);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] bytes = png.toByteArray();
            String sha = ModelIdentity.sha256(bytes);
            String key = "projects/" + PROJECT + "/samples/" + sha;
            store.put(key, bytes);
            String id = UUID.randomUUID().toString();
            String file = picture.label() + "." + i + ".png";
            samples.add(new FeatureJobSample(id, picture.label(), "testing", key, sha, file));
            rows.addAll(extractor.extract(
                    id,
                    picture.label(),
                    FeatureSource.of(SampleParsers.parse(
                            file, bytes, SampleParseOptions.defaults().withKeepImagePixels(true)))));
        }
        String testSetKey = "projects/" + PROJECT + "/features/1/shapes-test.effs";
        store.put(testSetKey, FeatureSet.of(1, FeatureLayout.of(impulse), rows).toBytes());
        DeployJobHandler sampling = DeployJobHandler.builder()
                .setObjectStore(store)
                .setWorkDirectory(work.resolve("work-images"))
                .optVerificationBatchSize(3)
                .optVerificationInstances(2)
                .optVerificationSample(4)
                .build();
        RecordingJobContext context = recording(JSON.writeValueAsString(new DeployJobPayload(
                UUID.randomUUID(),
                modelId,
                "shapes",
                ImageShapes.LABELS,
                "int8",
                "netduinoplus2-qemu",
                "firmware",
                modelKey,
                JSON.readTree(ImpulseJson.write(impulse)),
                impulse.version(),
                testSetKey,
                samples)));

        sampling.run(context);

        DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
        System.out.println("Images raw: " + context.log());
        assertThat(result.verification()).as(context.log()).isInstanceOf(DeployResult.Verified.class);
        DeployResult.Verified verified = (DeployResult.Verified) result.verification();
        assertThat(verified.windows()).isEqualTo(12);
        assertThat(verified.windowsTotal()).isEqualTo(12);
        assertThat(verified.path()).isEqualTo(DeployResult.EmulatedRun.PATH_RAW);
        assertThat(verified.windowNote()).contains("raw windows");
        assertThat(verified.instructions().dsp().min()).isPositive();
        assertThat(verified.labelledWindows()).isEqualTo(12);
        assertThat(context.log())
                .contains("Stored the sample's verification (4 of 12 windows, verified); verifying the rest");
        assertThat(store.exists(result.bundle().key())).isTrue();
    }

    @Test
    void aModelWithoutTestWindowsIsVerifiedOnSeededRandomWindowsAndSaysSo() throws Exception {
        UUID modelId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(TinyInt8Model.graph()));
        RecordingJobContext context = recording(payload(
                UUID.randomUUID(),
                modelId,
                "tiny",
                TinyInt8Model.LABELS,
                "int8",
                "netduinoplus2-qemu",
                "firmware",
                modelKey,
                null,
                null));

        handler.run(context);

        DeployResult.Verification outcome =
                JSON.readValue(context.resultJson(), DeployResult.class).verification();
        assertThat(outcome).isInstanceOf(DeployResult.Verified.class);
        DeployResult.Verified verification = (DeployResult.Verified) outcome;
        assertThat(verification.windowSource()).isEqualTo(TestWindowFile.SOURCE_RANDOM);
        assertThat(verification.windows()).isEqualTo(16);
        assertThat(verification.windowNote()).contains("seeded random");
        assertThat(verification.deviceAccuracy()).isNull();
        assertThat(context.log()).contains("Test windows: 16 seeded random int8 windows");
    }

    @Test
    void aBoardQemuDoesNotEmulateGetsItsImageButNoVerification() throws Exception {
        UUID modelId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(TinyInt8Model.graph()));
        RecordingJobContext context = recording(payload(
                UUID.randomUUID(),
                modelId,
                "tiny",
                TinyInt8Model.LABELS,
                "int8",
                "nucleo-f446re",
                "firmware",
                modelKey,
                null,
                null));

        handler.run(context);

        DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
        assertThat(result.verification()).isInstanceOf(DeployResult.NotEmulated.class);
        assertThat(result.verification().status()).isEqualTo(DeployResult.Verification.NOT_EMULATED);
        assertThat(result.verification().verified()).isFalse();
        assertThat(result.sizes().flashCapacityBytes()).isEqualTo(512 * 1024);
        Map<String, byte[]> files = unzip(read(result.bundle().key()));
        assertThat(files).containsKey("tiny-firmware-nucleo-f446re/firmware.bin");
        assertThat(new String(files.get("tiny-firmware-nucleo-f446re/FLASHING.md")))
                .contains("STM32CubeProgrammer");
        assertThat(context.log()).contains("not emulated");
    }

    @Test
    void tfliteMicroAndCubeAiBundlesAreProducedAndTheCubeAiOneIsVerified() throws Exception {
        UUID modelId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(TinyInt8Model.graph()));
        for (String format : List.of("tflm", "stm32cubeai")) {
            RecordingJobContext context = recording(payload(
                    UUID.randomUUID(),
                    modelId,
                    "tiny",
                    TinyInt8Model.LABELS,
                    "int8",
                    "netduinoplus2-qemu",
                    format,
                    modelKey,
                    null,
                    null));

            handler.run(context);

            DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
            assertThat(result.format()).isEqualTo(format);
            // without a TFLM tree the tflm bundle is sources only; the Cube.AI API runs on our network in QEMU
            assertThat(result.verification().verified()).as(format).isEqualTo(format.equals("stm32cubeai"));
            Map<String, byte[]> files = unzip(read(result.bundle().key()));
            assertThat(files.keySet()).as(format).anyMatch(name -> name.endsWith("SHA256SUMS"));
            if (format.equals("tflm")) {
                assertThat(files.keySet()).anyMatch(name -> name.endsWith("Makefile"));
                // QEMU emulates the board: what is missing is the TFLM build, and the deployment says so
                assertThat(result.verification().status()).isEqualTo(DeployResult.Verification.NOT_EMULATED);
                assertThat(result.verification().windowNote())
                        .contains("not verified: no TFLM checkout configured (EDGEFORGE_TFLM_DIR)")
                        .doesNotContain("deploy to netduinoplus2-qemu");
                String memory = files.entrySet().stream()
                        .filter(entry -> entry.getKey().endsWith("MEMORY.md"))
                        .map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8))
                        .findFirst()
                        .orElseThrow();
                assertThat(memory)
                        .contains("an estimate, not measured")
                        .contains("No image was built: no TFLM checkout is configured")
                        .doesNotContain("| activation arena |");
            } else {
                assertThat(files.keySet())
                        .anyMatch(name -> name.endsWith("network.c"))
                        .anyMatch(name -> name.endsWith("network_data.c"));
            }
        }
    }

    @Test
    void aTflmDeploymentWithACheckoutConfiguredIsBuiltAgainstItAndVerifiedInQemu() throws Exception {
        DeployJobHandler withTflm = DeployJobHandler.builder()
                .setObjectStore(store)
                .setWorkDirectory(work.resolve("work-tflm"))
                .optVerificationBatchSize(5)
                .optDeploymentBuilder(DeploymentBuilder.builder()
                        .setCacheDirectory(work.resolve("cache-tflm"))
                        .optTflmDirectory(SharedTflm.checkout())
                        .optTflmObjectDirectory(SharedTflm.objectCache())
                        .build())
                .build();
        UUID modelId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(TinyInt8Model.graph()));
        RecordingJobContext context = recording(payload(
                UUID.randomUUID(),
                modelId,
                "tiny",
                TinyInt8Model.LABELS,
                "int8",
                "netduinoplus2-qemu",
                "tflm",
                modelKey,
                null,
                null));

        withTflm.run(context);

        DeployResult result = JSON.readValue(context.resultJson(), DeployResult.class);
        assertThat(result.format()).isEqualTo("tflm");
        assertThat(result.verification().verified())
                .as("TFLM's outputs equal the Java interpreter's: %s", context.log())
                .isTrue();
        assertThat(context.log()).contains("VERIFIED");
        Map<String, byte[]> files = unzip(read(result.bundle().key()));
        assertThat(files.keySet()).anyMatch(name -> name.endsWith("/firmware.elf"));
        String memory = files.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("MEMORY.md"))
                .map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
        assertThat(memory).contains("Tensor arena measured in QEMU").doesNotContain("No image was built");
    }

    @Test
    void aFailingCompilerFailsTheJobWithItsOutputInTheLog() throws Exception {
        // the real arm-none-eabi-gcc, given a flag no board has
        Path gcc = ExecutableSearchPath.fromEnvironment().require("arm-none-eabi-gcc", "install it");
        Path wrapper = work.resolve("gcc-with-bogus-board-flag.sh");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + gcc + " -mbogus-board-flag \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Toolchain real = Toolchain.armNoneEabi();
        DeployJobHandler failing = DeployJobHandler.builder()
                .setObjectStore(store)
                .setWorkDirectory(work.resolve("work-failing"))
                .optDeploymentBuilder(DeploymentBuilder.builder()
                        .setCacheDirectory(work.resolve("cache-failing"))
                        .optArmToolchain(new Toolchain("arm-none-eabi-gcc", wrapper, real.objcopy(), real.size()))
                        .build())
                .build();
        UUID modelId = UUID.randomUUID();
        UUID deploymentId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(TinyInt8Model.graph()));
        RecordingJobContext context = recording(payload(
                deploymentId,
                modelId,
                "tiny",
                List.of(),
                "int8",
                "netduinoplus2-qemu",
                "firmware",
                modelKey,
                null,
                null));

        assertThatThrownBy(() -> failing.run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("did not compile");

        assertThat(context.log())
                .contains("Build failed:", "Compiler output:")
                .contains("unrecognized command-line option '-mbogus-board-flag'");
        assertThat(context.resultJson()).isNull();
        assertThat(store.exists(DeploymentObjects.bundle(PROJECT, deploymentId)))
                .isFalse();
        assertThat(buildDirectories(work.resolve("work-failing")))
                .as("build directory removed")
                .isEmpty();
    }

    @Test
    void cancelStopsTheCompilerAndStoresNothing() throws Exception {
        DeployJobHandler fresh = DeployJobHandler.builder()
                .setObjectStore(store)
                .setWorkDirectory(work.resolve("work-cancel"))
                .build(); // its own cache: the compiler must run
        MlperfTiny.Model ad = MlperfTiny.byShortName().get("ad");
        UUID modelId = UUID.randomUUID();
        UUID deploymentId = UUID.randomUUID();
        String modelKey =
                storeModel(modelId, Files.readAllBytes(MlperfTiny.directory().resolve(ad.file() + ".tflite")));
        CountDownLatch building = new CountDownLatch(1);
        RecordingJobContext context = recording(payload(
                        deploymentId,
                        modelId,
                        "ad-cancel",
                        List.of(),
                        "int8",
                        "netduinoplus2-qemu",
                        "firmware",
                        modelKey,
                        null,
                        null))
                .onLog(line -> {
                    if (line.startsWith("Building with")) {
                        building.countDown();
                    }
                });
        CompletableFuture<Void> run = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        fresh.run(context);
                        run.complete(null);
                    } catch (Throwable t) {
                        run.completeExceptionally(t);
                    }
                },
                "deploy-cancel-test");
        context.runningOn(thread);
        thread.start();
        assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1500); // the compiler is running now
        long cancelledAt = System.nanoTime();
        context.cancel();

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JobCancelledException.class)
                .hasMessageContaining("while building");
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(context.resultJson()).isNull();
        assertThat(store.exists(DeploymentObjects.bundle(PROJECT, deploymentId)))
                .isFalse();
        assertThat(buildDirectories(work.resolve("work-cancel"))).isEmpty();
        Thread.sleep(500);
        assertThat(ProcessHandle.current()
                        .descendants()
                        .map(process -> process.info().command().orElse(""))
                        .filter(command -> command.contains("arm-none-eabi") || command.endsWith("cc1")))
                .as("compiler processes left behind")
                .isEmpty();
    }

    @Test
    void payloadsItCannotBuildFailAtOnceWithAReason() throws Exception {
        UUID modelId = UUID.randomUUID();
        String modelKey = storeModel(modelId, new TfliteWriter().write(TinyInt8Model.graph()));
        assertRefused(
                payload(
                        UUID.randomUUID(),
                        modelId,
                        "m",
                        List.of(),
                        "float32",
                        "netduinoplus2-qemu",
                        "firmware",
                        modelKey,
                        null,
                        null),
                "runs the int8 model");
        assertRefused(
                payload(UUID.randomUUID(), modelId, "m", List.of(), "int8", "esp32", "firmware", modelKey, null, null),
                "unknown target board 'esp32'");
        assertRefused(
                payload(
                        UUID.randomUUID(),
                        modelId,
                        "m",
                        List.of(),
                        "int8",
                        "netduinoplus2-qemu",
                        "firmware",
                        "projects/" + PROJECT + "/models/" + UUID.randomUUID() + "/model-int8.tflite",
                        null,
                        null),
                "is not in the object store");
        String badWindows = "projects/" + PROJECT + "/models/" + modelId + "/bad-windows.json";
        store.put(badWindows, TestWindowFile.json(List.of(TestWindow.features(new float[5], "idle"))));
        assertRefused(
                payload(
                        UUID.randomUUID(),
                        modelId,
                        "m",
                        List.of(),
                        "int8",
                        "netduinoplus2-qemu",
                        "firmware",
                        modelKey,
                        null,
                        badWindows),
                "test window 0 does not fit the model");
        assertRefused("{\"deploymentId\": 42}", "payload cannot be read");
    }

    private static int argmax(byte[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            best = scores[k] > scores[best] ? k : best;
        }
        return best;
    }

    private static void assertRefused(String payload, String reason) {
        RecordingJobContext context = recording(payload);
        assertThatThrownBy(() -> handler.run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining(reason);
        assertThat(context.resultJson()).isNull();
    }

    static String payload(
            UUID deploymentId,
            UUID modelId,
            String name,
            List<String> labels,
            String variant,
            String target,
            String format,
            String modelKey,
            Impulse impulse,
            String windowsKey) {
        return JSON.writeValueAsString(new DeployJobPayload(
                deploymentId,
                modelId,
                name,
                labels,
                variant,
                target,
                format,
                modelKey,
                impulse == null ? null : JSON.readTree(ImpulseJson.write(impulse)),
                impulse == null ? null : impulse.version(),
                windowsKey,
                List.of()));
    }

    private static String storeModel(UUID modelId, byte[] tflite) {
        String key = "projects/" + PROJECT + "/models/" + modelId + "/model-int8.tflite";
        store.put(key, tflite);
        return key;
    }

    private static byte[] read(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), entries.readAllBytes());
            }
        }
        return files;
    }

    private static List<Path> buildDirectories(Path workDirectory) throws IOException {
        Path builds = workDirectory.resolve("builds");
        if (!Files.isDirectory(builds)) {
            return List.of();
        }
        try (var list = Files.list(builds)) {
            return list.toList();
        }
    }

    private static RecordingJobContext recording(String payload) {
        return new RecordingJobContext(PROJECT, DeployJobPayload.TYPE, payload).attempt(1, 1);
    }
}
