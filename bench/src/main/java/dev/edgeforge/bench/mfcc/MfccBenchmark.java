package dev.edgeforge.bench.mfcc;

import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.firmware.dsp.DspCodeGenerator;
import dev.edgeforge.firmware.dsp.GeneratedDspSource;
import dev.edgeforge.firmware.dsp.HostGcc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reports how many 1 s, 16 kHz windows per second the MFCC block (default parameters) computes in Java (JTransforms,
 * one thread) and in its C twin compiled by the host gcc with {@code -O2}, on this machine. Prints figures and
 * asserts nothing; not part of the test suite. Optional argument: seconds per measurement (default 3). Run:
 * {@code ./edgeforge bench mfcc [seconds]}.
 */
public final class MfccBenchmark {

    private MfccBenchmark() {}

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        SignalShape shape = SignalShape.timeSeries(1, 16000, 16000);
        DspBlock block = MfccParams.defaults().createBlock();
        float[][] window = voice(16000, 16000);

        double javaRate = javaWindowsPerSecond(block, window, seconds);
        double cRate = cWindowsPerSecond(block, shape, window, seconds);

        System.out.println("MFCC, default parameters " + MfccParams.defaults() + ",");
        System.out.println("1 s window at 16 kHz -> " + block.outputShape(shape).dims() + " features");
        System.out.printf(
                "Java (JTransforms, 1 thread): %10.1f windows/s (%.3f ms/window)%n", javaRate, 1000 / javaRate);
        System.out.printf("C (host gcc -O2, float32):    %10.1f windows/s (%.3f ms/window)%n", cRate, 1000 / cRate);
        System.out.printf("C / Java: %.2f%n", cRate / javaRate);
    }

    private static double javaWindowsPerSecond(DspBlock block, float[][] window, double seconds) {
        double sink = 0;
        long warmUpEnd = System.nanoTime() + (long) (Math.min(2, seconds) * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            sink += block.compute(window, 16000)[0];
        }
        long start = System.nanoTime();
        long windows = 0;
        long elapsed;
        do {
            sink += block.compute(window, 16000)[(int) (windows % 13)];
            windows++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < seconds * 1e9);
        if (Double.isNaN(sink)) {
            System.out.println("(checksum " + sink + ")");
        }
        return windows / (elapsed / 1e9);
    }

    private static double cWindowsPerSecond(DspBlock block, SignalShape shape, float[][] window, double seconds)
            throws IOException {
        Path dir = Files.createTempDirectory("mfcc-benchmark");
        GeneratedDspSource generated = new DspCodeGenerator()
                .generate(block, shape, "ef_block", "MfccBenchmark (default MFCC, 1 s at 16 kHz)");
        Files.writeString(dir.resolve(generated.headerName()), generated.header());
        Files.writeString(dir.resolve(generated.sourceName()), generated.source());
        Path harness = dir.resolve("mfcc_benchmark.c");
        try (InputStream in = MfccBenchmark.class.getResourceAsStream("mfcc_benchmark.c")) {
            Files.write(harness, in.readAllBytes());
        }
        Path cRoot = HostGcc.cSourceRoot();
        List<Path> sources = new ArrayList<>(List.of(harness, dir.resolve(generated.sourceName())));
        for (String runtime : generated.runtimeSources()) {
            sources.add(cRoot.resolve("dsp").resolve(runtime));
        }
        Path exe = dir.resolve("mfcc_benchmark");
        HostGcc.build(exe, sources, List.of(dir, cRoot.resolve("dsp")), List.of("-D_POSIX_C_SOURCE=199309L"));
        ByteBuffer bytes = ByteBuffer.allocate(window[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : window[0]) {
            bytes.putFloat(v);
        }
        Path input = dir.resolve("window.bin");
        Files.write(input, bytes.array());
        String out = HostGcc.run(
                List.of(exe.toString(), input.toString(), Double.toString(seconds)), dir, (long) (seconds * 4 + 60));
        for (Path p : List.of(
                exe, input, harness, dir.resolve(generated.headerName()), dir.resolve(generated.sourceName()))) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
        String[] words = out.trim().split("\\s+");
        if (words.length < 2 || !words[0].equals("windows_per_second")) {
            throw new IllegalStateException("unexpected benchmark output: " + out);
        }
        return Double.parseDouble(words[1]);
    }

    /** A voiced-speech-like window in int16 counts: harmonics of 130 Hz under a formant envelope, plus noise. */
    private static float[][] voice(int n, double fs) {
        Random random = new Random(42);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int h = 1; h <= 40; h++) {
                double hz = 130 * h;
                double d = (hz - 800) / 300;
                v += Math.sin(2 * Math.PI * hz * i / fs) / (1 + d * d) / h;
            }
            x[i] = (float) Math.rint(9000 * v + 300 * random.nextGaussian());
        }
        return new float[][] {x};
    }
}
