package dev.edgeforge.firmware.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.SpectrogramParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.firmware.qemu.QemuResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.jobs.estimate.DspCosts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DSP blocks' C twins as the firmware runs them, counted in the emulator (netduinoplus2, {@code -icount shift=0}):
 * each block at its default settings (and the spoken-digits and keyword-spotting MFCCs) is built with the board code
 * for the Cortex-M4F, run on a window in the sample's native type, and its instructions per window must be what the
 * estimator's {@link DspCosts} says within 15 %. Prints the measured figures.
 */
class DspInstructionsIT {

    private static final double TOLERANCE = 0.15;

    @TempDir
    static Path work;

    record Case(String name, DspParams params, SignalShape shape, WindowSample sample) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> defaults() {
        SignalShape audio16k = SignalShape.timeSeries(1, 16000, 16000);
        SignalShape audio8k = SignalShape.timeSeries(1, 8000, 8000);
        SignalShape motion = SignalShape.timeSeries(3, 125, 62.5);
        return Stream.of(
                new Case(
                        "mfcc default, 1 s at 8 kHz (spoken digits)",
                        MfccParams.defaults(),
                        audio8k,
                        WindowSample.INT16),
                new Case("mfcc default, 1 s at 16 kHz", MfccParams.defaults(), audio16k, WindowSample.INT16),
                new Case(
                        "mfcc keyword spotting (40 ms frames, 1024-point FFT)",
                        new MfccParams(10, 0.04, 0.02, 40, 1024, 20, 4000, 0.0, WindowFunction.HAMMING, 0),
                        audio16k,
                        WindowSample.INT16),
                new Case("mfe default, 1 s at 16 kHz", MfeParams.defaults(), audio16k, WindowSample.INT16),
                new Case(
                        "spectrogram default, 1 s at 16 kHz",
                        SpectrogramParams.defaults(),
                        audio16k,
                        WindowSample.INT16),
                new Case(
                        "spectral analysis default, 3 axes 2 s at 62.5 Hz",
                        SpectralAnalysisParams.defaults(),
                        motion,
                        WindowSample.FLOAT32),
                new Case("flatten default, 3 axes", FlattenParams.defaults(), motion, WindowSample.FLOAT32),
                new Case("raw default, 3 axes", RawParams.defaults(), motion, WindowSample.FLOAT32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void theEstimatorsDspInstructionsAreWithin15PercentOfTheEmulatorsCount(Case c) throws Exception {
        DspBlock block = c.params().createBlock();
        GeneratedDspSource generated =
                new DspCodeGenerator().generate(block, c.shape(), c.sample(), "ef_block", "DspInstructionsIT");
        Path dir = Files.createDirectories(work.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        Files.writeString(dir.resolve(generated.headerName()), generated.header());
        Files.writeString(dir.resolve(generated.sourceName()), generated.source());
        Path harness = dir.resolve("main.c");
        try (InputStream in = DspInstructionsIT.class.getResourceAsStream("instructions_harness.c")) {
            Files.write(harness, in.readAllBytes());
        }
        Path elf = build(dir, generated, harness);

        QemuResult run =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build().run(elf, List.of());

        List<Long> counts = run.lines().stream()
                .filter(line -> line.startsWith("dsp "))
                .map(line -> Long.parseLong(line.substring(4).trim()))
                .toList();
        assertThat(run.lines()).as(run.diagnostics()).contains("counter=instr");
        assertThat(counts).as(run.lines().toString()).hasSize(2);
        assertThat(counts.get(1)).as("repeatable").isEqualTo(counts.get(0));
        long measured = counts.get(0);
        double estimated = DspCosts.instructions(block, c.shape(), c.sample());
        System.out.printf(
                Locale.ROOT,
                "DSP instructions per window, %s: measured %,d, estimated %,.0f (%+.1f %%)%n",
                c.name(),
                measured,
                estimated,
                100 * (estimated - measured) / measured);
        assertThat(estimated).isBetween(measured * (1 - TOLERANCE), measured * (1 + TOLERANCE));
    }

    /** The harness, the generated block and its C twins, with the emulated board's start-up, serial and counter. */
    private static Path build(Path dir, GeneratedDspSource generated, Path harness) throws Exception {
        Path cRoot = HostGcc.cSourceRoot();
        Path common = cRoot.resolve("boards/common");
        Path board = cRoot.resolve("boards/netduinoplus2-qemu");
        List<String> command = new ArrayList<>(List.of(
                "arm-none-eabi-gcc",
                "-mcpu=cortex-m4",
                "-mthumb",
                "-mfpu=fpv4-sp-d16",
                "-mfloat-abi=hard",
                "-std=c99",
                "-O2",
                "-Wall",
                "-Wextra",
                "-ffunction-sections",
                "-fdata-sections",
                "-ffp-contract=off",
                "-fno-common",
                "--specs=nano.specs",
                "-I" + dir,
                "-I" + cRoot.resolve("dsp"),
                "-I" + common,
                "-I" + board,
                harness.toString(),
                dir.resolve(generated.sourceName()).toString()));
        for (String runtime : generated.runtimeSources()) {
            command.add(cRoot.resolve("dsp").resolve(runtime).toString());
        }
        for (String file : List.of("cortex_m_startup.c", "ef_board_common.c", "ef_board_io.c")) {
            command.add(common.resolve(file).toString());
        }
        command.add(board.resolve("board.c").toString());
        Path elf = dir.resolve("dsp.elf");
        command.addAll(List.of(
                "-nostartfiles",
                "-Wl,--gc-sections",
                "-L" + common,
                "-T" + board.resolve("linker.ld"),
                "-lm",
                "-o",
                elf.toString()));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(gcc.exitValue()).as(output).isZero();
        return elf;
    }
}
