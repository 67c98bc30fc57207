package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.KwsImpulse;
import dev.edgeforge.firmware.MlperfTiny;
import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.toolchain.CompileRequest;
import dev.edgeforge.firmware.toolchain.CompileResult;
import dev.edgeforge.firmware.toolchain.CompilerFlags;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.GccCompiler;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole impulses in the host-built library ({@code -Werror}): raw windows through the DSP twin, the quantization and
 * the network with {@code ef_model_run_impulse}, against the same impulse in Java (DSP block, TFLite QUANTIZE math,
 * reference interpreter). Audio (MFCC → keyword spotting, float32 windows) and images (image block → visual wake
 * words, RGB888 frames).
 */
class ImpulseHostIT {

    @TempDir
    static Path work;

    static FirmwareSources sources;
    static GccCompiler gcc;
    static ProcessRunner runner;

    @BeforeAll
    static void setUp() {
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
        runner = new ProcessRunner(Duration.ofMinutes(3));
        gcc = new GccCompiler(Toolchain.hostGcc(), runner);
    }

    @Test
    void audioImpulseOnTheKeywordSpottingModel() throws Exception {
        List<float[]> clips = List.of(KwsImpulse.clip(120, 600, 11), KwsImpulse.clip(250, 1500, 12), new float[16000]);
        runAndCompare("kws", MlperfTiny.graph(MlperfTiny.byShortName().get("kws")), KwsImpulse.impulse(), clips);
    }

    @Test
    void imageImpulseOnTheVisualWakeWordsModel() throws Exception {
        Impulse impulse = new Impulse(
                1,
                new ImageInput(96, 96, ResizeMode.SQUASH, ColorDepth.RGB),
                List.of(new ProcessingBlock(
                        1, "Image", List.of(), new ImageParams(ImageNormalization.MINUS_ONE_TO_ONE))),
                List.of(new LearningBlockRef("classification", "NN", List.of(1), null)));
        Random random = new Random(5);
        float[] noise = new float[96 * 96 * 3];
        float[] gradient = new float[96 * 96 * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(256);
            gradient[i] = (i / 3 % 96 + i / 288 + (i % 3) * 40) % 256;
        }
        runAndCompare("vww", MlperfTiny.graph(MlperfTiny.byShortName().get("vww")), impulse, List.of(noise, gradient));
    }

    private void runAndCompare(String name, ModelGraph model, Impulse impulse, List<float[]> windows) throws Exception {
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(new CLibraryRequest(name, model, List.of(), Optional.of(impulse)), work.resolve(name));
        ImpulseDsp dsp = library.impulse().orElseThrow();
        Path build = work.resolve(name + "-build");
        CompileResult result = gcc.compile(
                build,
                CompileRequest.builder()
                        .setOutputName("impulse")
                        .addSource(TestResources.path("codegen/host_impulse.c"))
                        .addSources(library.allSources(KernelVariant.REFERENCE))
                        .addIncludeDirectories(library.includeDirectories())
                        .addFlags(CompilerFlags.HOST)
                        .addFlags(List.of("-Werror"))
                        .addLibrary("m")
                        .build());
        assertThat(result.compilerOutput()).as("compiler warnings").isEmpty();

        ByteArrayOutputStream input = new ByteArrayOutputStream();
        windows.forEach(window -> input.writeBytes(dsp.windowBytes(window)));
        Path windowsFile = Files.write(build.resolve("windows.bin"), input.toByteArray());
        Path outputsFile = build.resolve("outputs.bin");
        ProcessResult run = runner.run(
                build, List.of(result.executable().toString(), windowsFile.toString(), outputsFile.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        byte[] outputs = Files.readAllBytes(outputsFile);

        InputQuantizer quantizer = InputQuantizer.of(library);
        Interpreter reference = new Interpreter(library.core().graph());
        int size = library.outputSize();
        for (int w = 0; w < windows.size(); w++) {
            byte[] server = reference.runInt8(quantizer.int8Input(TestWindow.raw(windows.get(w), null)));
            byte[] host = Arrays.copyOfRange(outputs, w * size, (w + 1) * size);
            System.out.printf("%s window %d: C %s, Java %s%n", name, w, Arrays.toString(host), Arrays.toString(server));
            // The DSP twin agrees with Java within 1e-4, so a quantized feature may land one step away.
            for (int i = 0; i < size; i++) {
                assertThat(Math.abs(host[i] - server[i]))
                        .as("%s window %d score %d", name, w, i)
                        .isLessThanOrEqualTo(3);
            }
        }
    }
}
