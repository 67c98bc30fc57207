package dev.edgeforge.firmware.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.FlattenStat;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.SpectrogramParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.CameraFrame;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.PixelFormat;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.firmware.codegen.ImpulseDspSource;
import dev.edgeforge.firmware.codegen.InputQuantizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariant 2 of the design: every DSP block's C twin, compiled with the host gcc ({@code -std=c99 -O2 -Wall
 * -Werror}), gives the Java block's features within 1e-4 relative error (max abs difference / max abs Java value)
 * for every window, over a matrix of parameters, on random signals and on realistic recordings.
 */
class DspParityIT {

    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path work;

    private static Path cRoot;
    private static List<Path> runtimeObjects;

    private record Case(
            String name, DspParams params, SignalShape shape, WindowSample sample, List<float[][]> windows) {
        /** A case on windows of float32 values. */
        Case(String name, DspParams params, SignalShape shape, List<float[][]> windows) {
            this(name, params, shape, WindowSample.FLOAT32, windows);
        }

        /** The case on the device's int16 audio windows: the same windows rounded to int16 counts. */
        Case int16() {
            List<float[][]> rounded = new ArrayList<>();
            for (float[][] window : windows) {
                float[][] r = new float[window.length][];
                for (int a = 0; a < window.length; a++) {
                    r[a] = new float[window[a].length];
                    for (int i = 0; i < r[a].length; i++) {
                        r[a][i] = WindowSample.int16(window[a][i]);
                    }
                }
                rounded.add(r);
            }
            return new Case(name + " int16", params, shape, WindowSample.INT16, rounded);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record ImageCase(
            String name, ImageInput input, ImageParams params, int sourceWidth, int sourceHeight, List<int[]> frames) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void compileTwins() throws IOException {
        cRoot = HostGcc.cSourceRoot();
        Path objects = Files.createDirectories(work.resolve("objects"));
        runtimeObjects = new ArrayList<>();
        try (Stream<Path> sources = Files.list(cRoot.resolve("dsp"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".c")).sorted().toList()) {
                Path object = objects.resolve(source.getFileName().toString().replace(".c", ".o"));
                HostGcc.compileObject(object, source, List.of(cRoot.resolve("dsp")), List.of("-pedantic"));
                runtimeObjects.add(object);
            }
        }
    }

    @Test
    void realFftMatchesADirectDft() {
        Path exe = work.resolve("ef_dsp_fft_test");
        HostGcc.build(
                exe,
                List.of(cRoot.resolve("tests/dsp/ef_dsp_fft_test.c"), cRoot.resolve("dsp/ef_dsp_fft.c")),
                List.of(cRoot.resolve("dsp")),
                List.of());
        assertThat(HostGcc.run(List.of(exe.toString()), work, 60)).contains("10 passed, 0 failed");
    }

    static Stream<Case> timeSeriesCases() {
        Path wavDir = work;
        List<float[][]> audio16k = List.of(
                TestSignals.audioNoise(16000, 1),
                TestSignals.vowelRecording(16000, 16000, 0, 2, wavDir),
                TestSignals.vowelRecording(16000, 16000, 0.5, 3, wavDir),
                TestSignals.chirp(16000, 16000),
                new float[1][16000]);
        List<float[][]> audio8k = List.of(
                TestSignals.audioNoise(8000, 4),
                TestSignals.vowelRecording(8000, 8000, 0.4, 5, wavDir),
                TestSignals.chirp(8000, 8000));
        List<float[][]> motion62 =
                List.of(TestSignals.motionNoise(125, 6), TestSignals.gesture(125, 62.5, 7), TestSignals.idle(125, 8));
        List<float[][]> motion100 =
                List.of(TestSignals.motionNoise(200, 9), TestSignals.gesture(200, 100, 10), TestSignals.idle(200, 11));
        SignalShape s16k = SignalShape.timeSeries(1, 16000, 16000);
        SignalShape s8k = SignalShape.timeSeries(1, 8000, 8000);
        SignalShape m62 = SignalShape.timeSeries(3, 125, 62.5);
        SignalShape m100 = SignalShape.timeSeries(3, 200, 100);
        Stream<Case> cases = Stream.of(
                new Case("raw default", RawParams.defaults(), m62, motion62),
                new Case("raw scale 0.5", new RawParams(0.5), m100, motion100),
                new Case("flatten all stats", FlattenParams.defaults(), m62, motion62),
                new Case(
                        "flatten subset scaled",
                        new FlattenParams(
                                0.1,
                                EnumSet.of(
                                        FlattenStat.AVERAGE,
                                        FlattenStat.RMS,
                                        FlattenStat.SKEWNESS,
                                        FlattenStat.KURTOSIS)),
                        m100,
                        motion100),
                new Case("spectral default", SpectralAnalysisParams.defaults(), m62, motion62),
                new Case(
                        "spectral no filter fft64 peaks3",
                        new SpectralAnalysisParams(1, FilterType.NONE, 3, 6, 64, true, true, 3, 0.1),
                        m100,
                        motion100),
                new Case(
                        "spectral high-pass order3 linear",
                        new SpectralAnalysisParams(1, FilterType.HIGH, 1.5, 3, 32, false, false, 2, 0.05),
                        m100,
                        motion100),
                new Case(
                        "spectral low-pass order8 fft128",
                        new SpectralAnalysisParams(2, FilterType.LOW, 10, 8, 128, true, true, 4, 0.0),
                        m62,
                        motion62),
                new Case("mfe default", MfeParams.defaults(), s16k, audio16k),
                new Case("mfe fft512 32 filters", new MfeParams(0.025, 0.01, 32, 512, 300, 7000, -60), s16k, audio16k),
                new Case("mfe 8k", new MfeParams(0.032, 0.016, 20, 128, 100, 3800, -72), s8k, audio8k),
                new Case("mfcc default", MfccParams.defaults(), s16k, audio16k),
                new Case(
                        "mfcc hann no lifter",
                        new MfccParams(13, 0.025, 0.01, 40, 512, 0, 0, 0.97, WindowFunction.HANN, 0),
                        s16k,
                        audio16k),
                new Case(
                        "mfcc rectangular no pre-emphasis",
                        new MfccParams(20, 0.02, 0.01, 32, 256, 100, 7000, 0, WindowFunction.RECTANGULAR, 22),
                        s16k,
                        audio16k),
                new Case(
                        "mfcc 8k",
                        new MfccParams(12, 0.032, 0.016, 26, 256, 50, 4000, 0.98, WindowFunction.HAMMING, 15),
                        s8k,
                        audio8k),
                new Case("spectrogram default", SpectrogramParams.defaults(), s16k, audio16k),
                new Case(
                        "spectrogram fft512 -72dB",
                        new SpectrogramParams(0.032, 0.016, 512, -72, true),
                        s16k,
                        audio16k),
                new Case("spectrogram linear", new SpectrogramParams(0.016, 0.008, 256, -52, false), s16k, audio16k),
                new Case("spectrogram 8k", new SpectrogramParams(0.02, 0.02, 128, -30, true), s8k, audio8k),
                new Case("spectral on audio 8k", SpectralAnalysisParams.defaults(), s8k, audio8k),
                new Case("flatten on audio 8k", FlattenParams.defaults(), s8k, audio8k),
                new Case("raw on audio 8k", RawParams.defaults(), s8k, audio8k));
        // audio windows are int16 counts on the device: every audio case runs on them too
        return cases.flatMap(c -> c.shape().frequencyHz() >= 8000 ? Stream.of(c, c.int16()) : Stream.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeSeriesCases")
    void timeSeriesTwinMatchesJava(Case c) throws IOException {
        DspBlock block = c.params().createBlock();
        GeneratedDspSource generated = new DspCodeGenerator()
                .generate(block, c.shape(), c.sample(), "ef_block", "DspParityIT case '" + c.name() + "'");
        int axes = c.shape().axisCount();
        int n = c.shape().sampleCount();
        ByteBuffer input = ByteBuffer.allocate(
                        c.windows().size() * axes * n * c.sample().bytes())
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float[][] window : c.windows()) {
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < axes; a++) {
                    if (c.sample() == WindowSample.INT16) {
                        input.putShort(WindowSample.int16(window[a][i]));
                    } else {
                        input.putFloat(window[a][i]);
                    }
                }
            }
        }
        float[][] fromC =
                runTwin(c.name(), generated, input.array(), c.windows().size());
        for (int w = 0; w < c.windows().size(); w++) {
            float[] fromJava = block.compute(c.windows().get(w), c.shape().frequencyHz());
            assertAgree(c.name() + ", window " + w, fromJava, fromC[w]);
        }
    }

    static Stream<ImageCase> imageCases() {
        List<int[]> landscape = List.of(TestSignals.noiseImage(160, 120, 12), TestSignals.sceneImage(160, 120));
        List<int[]> portrait = List.of(TestSignals.noiseImage(90, 160, 13), TestSignals.sceneImage(90, 160));
        return Stream.of(
                new ImageCase(
                        "image rgb squash",
                        new ImageInput(96, 96, ResizeMode.SQUASH, ColorDepth.RGB),
                        ImageParams.defaults(),
                        160,
                        120,
                        landscape),
                new ImageCase(
                        "image grayscale fit-shortest",
                        new ImageInput(48, 48, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE),
                        ImageParams.defaults(),
                        160,
                        120,
                        landscape),
                new ImageCase(
                        "image rgb fit-longest signed",
                        new ImageInput(64, 32, ResizeMode.FIT_LONGEST, ColorDepth.RGB),
                        new ImageParams(ImageNormalization.MINUS_ONE_TO_ONE),
                        90,
                        160,
                        portrait),
                new ImageCase(
                        "image grayscale upscale fit-longest",
                        new ImageInput(200, 200, ResizeMode.FIT_LONGEST, ColorDepth.GRAYSCALE),
                        ImageParams.defaults(),
                        160,
                        120,
                        landscape));
    }

    /**
     * The image twin in integer arithmetic: for every camera pixel format the C output (the int8 input tensor)
     * equals the server's preprocessing of the same frame (decode, integer resize, normalisation, quantization), bit
     * for bit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("imageCases")
    void imageTwinMatchesJavaBitForBit(ImageCase c) throws IOException {
        ImageBlock block = (ImageBlock) c.params().createBlock();
        Quantization quantization = c.params().normalization() == ImageNormalization.ZERO_TO_ONE
                ? Quantization.perTensor(1f / 255, -128)
                : Quantization.perTensor(2f / 255, 0);
        byte[] toInput = ImpulseDspSource.toInput(block, quantization);
        InputQuantizer quantizer = new InputQuantizer(
                quantization,
                c.input().width() * c.input().height() * c.input().colorDepth().channels(),
                Optional.empty());
        for (PixelFormat format : PixelFormat.values()) {
            String name = c.name() + " " + format.name().toLowerCase(Locale.ROOT);
            GeneratedDspSource generated = new DspCodeGenerator()
                    .generateImage(
                            block,
                            c.input(),
                            c.sourceWidth(),
                            c.sourceHeight(),
                            format,
                            toInput,
                            "ef_block",
                            "DspParityIT case '" + name + "'");
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            List<byte[]> frames = new ArrayList<>();
            for (int[] pixels : c.frames()) {
                byte[] frame = CameraFrame.encode(new RgbImage(c.sourceWidth(), c.sourceHeight(), pixels), format);
                frames.add(frame);
                input.writeBytes(frame);
            }
            byte[] fromC = runImageTwin(name, generated, input.toByteArray(), frames.size());
            int size = generated.outputCount();
            for (int w = 0; w < frames.size(); w++) {
                RgbImage read = CameraFrame.decode(frames.get(w), c.sourceWidth(), c.sourceHeight(), format);
                byte[] server = quantizer.quantize(block.compute(ImageResizer.resize(read, c.input()), 0));
                assertThat(Arrays.copyOfRange(fromC, w * size, (w + 1) * size))
                        .as(name + ", frame " + w)
                        .isEqualTo(server);
            }
        }
    }

    /** Compiles the image twin with its harness and runs it over the frames; returns the int8 outputs in a row. */
    private static byte[] runImageTwin(String name, GeneratedDspSource generated, byte[] input, int frames)
            throws IOException {
        Path dir = Files.createDirectories(work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-")));
        Files.writeString(dir.resolve(generated.headerName()), generated.header());
        Files.writeString(dir.resolve(generated.sourceName()), generated.source());
        Path harness = dir.resolve("image_harness.c");
        try (InputStream in = DspParityIT.class.getResourceAsStream("image_harness.c")) {
            Files.write(harness, in.readAllBytes());
        }
        List<Path> sources = new ArrayList<>(List.of(harness, dir.resolve(generated.sourceName())));
        sources.add(cRoot.resolve("dsp/ef_dsp_image.c"));
        Path exe = dir.resolve("twin");
        HostGcc.build(exe, sources, List.of(dir, cRoot.resolve("dsp")), List.of("-pedantic"));
        Path in = dir.resolve("input.bin");
        Path out = dir.resolve("output.bin");
        Files.write(in, input);
        assertThat(HostGcc.run(List.of(exe.toString(), in.toString(), out.toString()), dir, 60))
                .contains(frames + " windows");
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).hasSize(frames * generated.outputCount());
        return bytes;
    }

    /** Generates, compiles once and runs the twin over all windows; returns the features per window. */
    private static float[][] runTwin(String name, GeneratedDspSource generated, byte[] input, int windows)
            throws IOException {
        Path dir = Files.createDirectories(work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-")));
        Files.writeString(dir.resolve(generated.headerName()), generated.header());
        Files.writeString(dir.resolve(generated.sourceName()), generated.source());
        Path harness = dir.resolve("parity_harness.c");
        try (InputStream in = DspParityIT.class.getResourceAsStream("parity_harness.c")) {
            Files.write(harness, in.readAllBytes());
        }
        assertThat(generated.header()).startsWith("/* Generated by EdgeForge DspCodeGenerator from DspParityIT");
        List<Path> sources = new ArrayList<>(List.of(harness, dir.resolve(generated.sourceName())));
        for (String runtime : generated.runtimeSources()) {
            sources.add(runtimeObjects.stream()
                    .filter(o -> o.getFileName().toString().equals(runtime.replace(".c", ".o")))
                    .findFirst()
                    .orElseThrow());
        }
        Path exe = dir.resolve("twin");
        HostGcc.build(exe, sources, List.of(dir, cRoot.resolve("dsp")), List.of("-pedantic"));
        Path in = dir.resolve("input.bin");
        Path out = dir.resolve("output.bin");
        Files.write(in, input);
        assertThat(HostGcc.run(List.of(exe.toString(), in.toString(), out.toString()), dir, 60))
                .contains(windows + " windows");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(windows * generated.outputCount() * 4);
        float[][] features = new float[windows][generated.outputCount()];
        for (float[] window : features) {
            for (int i = 0; i < window.length; i++) {
                window[i] = bytes.getFloat();
            }
        }
        return features;
    }

    private static void assertAgree(String what, float[] java, float[] c) {
        assertThat(c).as(what + ": feature count").hasSameSizeAs(java);
        double maxAbs = 0;
        double maxDiff = 0;
        int worst = 0;
        for (int i = 0; i < java.length; i++) {
            assertThat(Float.isFinite(c[i]))
                    .as(what + ": C feature " + i + " is " + c[i])
                    .isTrue();
            maxAbs = Math.max(maxAbs, Math.abs(java[i]));
            double diff = Math.abs(java[i] - c[i]);
            if (diff > maxDiff) {
                maxDiff = diff;
                worst = i;
            }
        }
        double relative = maxAbs == 0 ? maxDiff : maxDiff / maxAbs;
        System.out.printf("%-60s max |Java| %.4g, max |diff| %.3g, relative %.3g%n", what, maxAbs, maxDiff, relative);
        assertThat(relative)
                .as(what + ": relative error (worst at feature " + worst + ": Java " + java[worst] + ", C " + c[worst]
                        + ")")
                .isLessThanOrEqualTo(TOLERANCE);
    }
}
