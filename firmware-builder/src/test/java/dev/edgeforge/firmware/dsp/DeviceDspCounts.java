package dev.edgeforge.firmware.dsp;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support (firmware-builder's test-jar, also used by {@code ./edgeforge bench firmware}): the instructions one
 * window takes through a DSP block's C twin as the firmware runs it. The generated block, its C twins and the emulated
 * board's start-up, serial and counter code are built for the Cortex-M4F (the firmware's flags), run twice in QEMU
 * netduinoplus2 ({@code -icount shift=0}) on a seeded pseudo-random window in the sample's type, and TIM2 counted
 * around each run ({@code instructions_harness.c}).
 */
public final class DeviceDspCounts {

    /** A block with its settings, the window it runs on and the window's sample type. */
    public record Case(String name, DspParams params, SignalShape shape, WindowSample sample) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One count: what the emulator measured, twice (equal when repeatable), and what its counter counts. */
    public record Count(long first, long second, String counterUnit) {}

    private DeviceDspCounts() {}

    /**
     * Every time-series block at its default settings (audio blocks on one second of int16 audio, the others on 2 s
     * of 3-axis motion at 62.5 Hz), plus the spoken-digits (8 kHz) and keyword-spotting MFCCs.
     */
    public static List<Case> defaults() {
        SignalShape audio16k = SignalShape.timeSeries(1, 16000, 16000);
        SignalShape audio8k = SignalShape.timeSeries(1, 8000, 8000);
        SignalShape motion = SignalShape.timeSeries(3, 125, 62.5);
        return List.of(
                new Case(
                        "mfcc default, 1 s at 8 kHz (spoken digits)",
                        MfccParams.defaults(),
                        audio8k,
                        WindowSample.INT16),
                new Case("mfcc default, 1 s at 16 kHz", MfccParams.defaults(), audio16k, WindowSample.INT16),
                new Case(
                        "mfcc keyword spotting (40 ms frames, 1024-point FFT), 1 s at 16 kHz",
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
                new Case(
                        "flatten default, 3 axes 2 s at 62.5 Hz",
                        FlattenParams.defaults(),
                        motion,
                        WindowSample.FLOAT32),
                new Case("raw default, 3 axes 2 s at 62.5 Hz", RawParams.defaults(), motion, WindowSample.FLOAT32));
    }

    /** Builds and runs the case in {@code dir} (created); needs arm-none-eabi-gcc and qemu-system-arm. */
    public static Count count(Case c, Path dir) throws IOException, InterruptedException {
        return run(image(c, dir));
    }

    /** The harness for the case, built in {@code dir} (created), not run. */
    public static Path image(Case c, Path dir) throws IOException, InterruptedException {
        DspBlock block = c.params().createBlock();
        GeneratedDspSource generated =
                new DspCodeGenerator().generate(block, c.shape(), c.sample(), "ef_block", "DeviceDspCounts");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(generated.headerName()), generated.header());
        Files.writeString(dir.resolve(generated.sourceName()), generated.source());
        Path harness = dir.resolve("main.c");
        try (InputStream in = DeviceDspCounts.class.getResourceAsStream("instructions_harness.c")) {
            Files.write(harness, in.readAllBytes());
        }
        return build(dir, generated, harness);
    }

    private static Count run(Path elf) {
        QemuResult run =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build().run(elf, List.of());
        List<Long> counts = run.lines().stream()
                .filter(line -> line.startsWith("dsp "))
                .map(line -> Long.parseLong(line.substring(4).trim()))
                .toList();
        String unit = run.lines().stream()
                .filter(line -> line.startsWith("counter="))
                .map(line -> line.substring("counter=".length()).trim())
                .findFirst()
                .orElse("");
        if (counts.size() != 2) {
            throw new IllegalStateException("the harness printed " + run.lines() + "; " + run.diagnostics());
        }
        return new Count(counts.get(0), counts.get(1), unit);
    }

    private static Path build(Path dir, GeneratedDspSource generated, Path harness)
            throws IOException, InterruptedException {
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
        if (!gcc.waitFor(5, TimeUnit.MINUTES)) {
            gcc.destroyForcibly();
            throw new IllegalStateException("arm-none-eabi-gcc did not finish in 5 minutes");
        }
        if (gcc.exitValue() != 0 || !output.isBlank()) {
            throw new IllegalStateException("arm-none-eabi-gcc: " + output);
        }
        return elf;
    }
}
