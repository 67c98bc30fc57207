package dev.edgeforge.firmware.dsp;

import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.core.dsp.ButterworthFilter;
import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.FlattenBlock;
import dev.edgeforge.core.dsp.FlattenStat;
import dev.edgeforge.core.dsp.FrameLayout;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.dsp.MelFilterbank;
import dev.edgeforge.core.dsp.MfccBlock;
import dev.edgeforge.core.dsp.MfeBlock;
import dev.edgeforge.core.dsp.RawBlock;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.dsp.SpectralAnalysisBlock;
import dev.edgeforge.core.dsp.SpectrogramBlock;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.PixelFormat;
import dev.edgeforge.core.impulse.ResizeGeometry;
import dev.edgeforge.core.impulse.ResizePlan;
import dev.edgeforge.firmware.template.CSyntax;
import dev.edgeforge.firmware.template.CodeTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a processing block and its input into C: the block's params struct as const data with every table the C
 * twin needs (FFT twiddles and bit reversal, windows, mel filters, the liftered DCT matrix, Butterworth sections,
 * resize geometry) computed here in Java, plus buffer-size macros and a {@code <symbol>_run(input, output)} entry
 * point. Text comes from the templates under {@code templates/dsp/}.
 *
 * <p>The C twins themselves live in {@code src/main/c/dsp/}; {@link GeneratedDspSource#runtimeSources()} says which
 * of them to compile with the generated file.
 */
public final class DspCodeGenerator {

    private static final Pattern SYMBOL = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final CodeTemplate header = CodeTemplate.load("dsp/block.h.tmpl");
    private final CodeTemplate source = CodeTemplate.load("dsp/block.c.tmpl");
    private final CodeTemplate fft = CodeTemplate.load("dsp/fft.init.tmpl");
    private final CodeTemplate frames = CodeTemplate.load("dsp/frames.init.tmpl");
    private final CodeTemplate mel = CodeTemplate.load("dsp/mel.init.tmpl");
    private final CodeTemplate raw = CodeTemplate.load("dsp/raw.init.tmpl");
    private final CodeTemplate flatten = CodeTemplate.load("dsp/flatten.init.tmpl");
    private final CodeTemplate spectral = CodeTemplate.load("dsp/spectral.init.tmpl");
    private final CodeTemplate mfe = CodeTemplate.load("dsp/mfe.init.tmpl");
    private final CodeTemplate mfcc = CodeTemplate.load("dsp/mfcc.init.tmpl");
    private final CodeTemplate spectrogram = CodeTemplate.load("dsp/spectrogram.init.tmpl");
    private final CodeTemplate image = CodeTemplate.load("dsp/image.init.tmpl");

    /** What differs per block type; the rest of the generated files is common. */
    private record Parts(
            String blockHeader,
            String paramsType,
            String function,
            String initializer,
            List<String> tables,
            List<String> runtimeSources) {}

    /** C for a time-series block on float32 windows: {@link #generate(DspBlock, SignalShape, WindowSample, String,
     * String)}. */
    public GeneratedDspSource generate(DspBlock block, SignalShape input, String symbol, String origin) {
        return generate(block, input, WindowSample.FLOAT32, symbol, origin);
    }

    /**
     * C for a time-series block (raw, flatten, spectral analysis, MFE, MFCC, spectrogram).
     *
     * @param block  the block, valid for {@code input}
     * @param input  the window it runs on (axes × samples at a frequency)
     * @param sample the type of the window's values on the device (float32, or int16 for audio)
     * @param symbol lower-case C identifier prefix for the generated names
     * @param origin what it was generated from, for the header comment (e.g. "project 4, impulse v3, block 1
     *               (mfcc)"); text for people, escaped by the template
     */
    public GeneratedDspSource generate(
            DspBlock block, SignalShape input, WindowSample sample, String symbol, String origin) {
        checkSymbol(symbol);
        if (sample == WindowSample.UINT8) {
            throw new IllegalArgumentException("time-series windows are float32 or int16, not bytes");
        }
        String reader = sample == WindowSample.INT16 ? "ef_dsp_read_s16" : "ef_dsp_read_f32";
        if (block instanceof ImageBlock) {
            throw new IllegalArgumentException("image blocks need the camera frame size: use generateImage");
        }
        block.validate(input);
        Parts parts;
        if (block instanceof RawBlock b) {
            parts = raw(b, input, reader);
        } else if (block instanceof FlattenBlock b) {
            parts = flatten(b, input, reader);
        } else if (block instanceof SpectralAnalysisBlock b) {
            parts = spectral(b, input, reader, symbol);
        } else if (block instanceof MfeBlock b) {
            parts = mfe(b, input, reader, symbol);
        } else if (block instanceof MfccBlock b) {
            parts = mfcc(b, input, reader, symbol);
        } else if (block instanceof SpectrogramBlock b) {
            parts = spectrogram(b, input, reader, symbol);
        } else {
            throw new IllegalArgumentException("no C twin for block type " + block.type());
        }
        int inputCount = input.axisCount() * input.sampleCount();
        String inputDescription = input.axisCount() + " axes × " + input.sampleCount() + " samples at "
                + input.frequencyHz() + " Hz, interleaved sample by sample, " + sample.cType();
        List<String> runtime = new ArrayList<>(parts.runtimeSources());
        runtime.add("ef_dsp_signal.c");
        Parts withReader = new Parts(
                parts.blockHeader(),
                parts.paramsType(),
                parts.function(),
                parts.initializer(),
                parts.tables(),
                List.copyOf(runtime));
        return assemble(
                block, input, symbol, origin, withReader, sample.cType(), inputCount, inputDescription, "float");
    }

    /**
     * C for the image block together with the image input's resize, from camera frames of
     * {@code sourceWidth × sourceHeight} in {@code format}, writing the network's int8 input directly.
     *
     * @param toInput 256 values: what each pixel value 0..255 becomes in the input tensor (the block's normalisation
     *                and the tensor's quantization, computed by the caller exactly as the server computes them)
     */
    public GeneratedDspSource generateImage(
            ImageBlock block,
            ImageInput input,
            int sourceWidth,
            int sourceHeight,
            PixelFormat format,
            byte[] toInput,
            String symbol,
            String origin) {
        checkSymbol(symbol);
        if (sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException(
                    "camera frame size must be positive, got " + sourceWidth + "×" + sourceHeight);
        }
        if (toInput.length != 256) {
            throw new IllegalArgumentException("the pixel-to-input table needs 256 values, got " + toInput.length);
        }
        SignalShape shape = SignalShape.image(
                input.width(), input.height(), input.colorDepth().channels());
        block.validate(shape);
        ResizePlan plan = ImageResizer.plan(sourceWidth, sourceHeight, input);
        ResizeGeometry g = plan.geometry();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sourceWidth", u(sourceWidth));
        v.put("sourceHeight", u(sourceHeight));
        v.put("bytesPerPixel", u(format.bytesPerPixel()));
        v.put("width", u(input.width()));
        v.put("height", u(input.height()));
        v.put("channels", u(input.colorDepth().channels()));
        v.put("contentX0", u(g.contentX0()));
        v.put("contentY0", u(g.contentY0()));
        v.put("contentX1", u(g.contentX1()));
        v.put("contentY1", u(g.contentY1()));
        v.put("symbol", symbol);
        List<String> tables = new ArrayList<>();
        tables.add(CSyntax.uint16Table(symbol + "_x_first", plan.x().first()));
        tables.add(CSyntax.uint16Table(symbol + "_x_second", plan.x().second()));
        tables.add(CSyntax.uint16Table(symbol + "_x_weight", plan.x().weight()));
        tables.add(CSyntax.uint16Table(symbol + "_y_first", plan.y().first()));
        tables.add(CSyntax.uint16Table(symbol + "_y_second", plan.y().second()));
        tables.add(CSyntax.uint16Table(symbol + "_y_weight", plan.y().weight()));
        tables.add(CSyntax.table("static const", "int8_t", symbol + "_to_input", 256, CSyntax.int8Values(toInput)));
        Parts parts = new Parts(
                "ef_dsp_image.h",
                "ef_dsp_image_params",
                "ef_dsp_image",
                part(image, v),
                tables,
                List.of("ef_dsp_image.c"));
        return assemble(
                block,
                shape,
                symbol,
                origin,
                parts,
                "uint8_t",
                sourceWidth * sourceHeight * format.bytesPerPixel(),
                sourceWidth + "×" + sourceHeight + " " + format.name().toLowerCase(Locale.ROOT)
                        + " camera frame, row-major",
                "int8_t");
    }

    private GeneratedDspSource assemble(
            DspBlock block,
            SignalShape shape,
            String symbol,
            String origin,
            Parts parts,
            String inputType,
            int inputCount,
            String inputDescription,
            String outputType) {
        String upper = symbol.toUpperCase(Locale.ROOT);
        int scratch = block.scratchFloats(shape);
        int outputCount = block.outputShape(shape).length();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("origin", origin);
        h.put("GUARD", upper + "_H");
        h.put("blockHeader", parts.blockHeader());
        h.put("inputDescription", inputDescription);
        h.put("SYMBOL", upper);
        h.put("inputCount", u(inputCount));
        h.put("outputShape", block.outputShape(shape).dims().toString());
        h.put("outputCount", u(outputCount));
        h.put("scratchFloats", u(scratch));
        h.put("inputType", inputType);
        h.put("symbol", symbol);
        h.put("paramsType", parts.paramsType());
        h.put("outputType", outputType);
        Map<String, String> c = new LinkedHashMap<>();
        c.put("origin", origin);
        c.put("symbol", symbol);
        c.put("tables", String.join("\n\n", parts.tables()));
        c.put("paramsType", parts.paramsType());
        c.put("initializer", parts.initializer());
        c.put(
                "scratchDeclaration",
                scratch > 0
                        ? "static float " + symbol + "_scratch[" + upper + "_SCRATCH_FLOATS];"
                        : "/* this block needs no scratch memory */");
        c.put("function", parts.function());
        c.put("scratchArgument", scratch > 0 ? symbol + "_scratch, " : "");
        c.put("outputType", outputType);
        return new GeneratedDspSource(
                symbol,
                symbol + ".h",
                header.render(h),
                symbol + ".c",
                source.render(c),
                parts.runtimeSources(),
                inputCount,
                outputCount,
                scratch);
    }

    /** A rendered piece that goes inside another template (without the file's final newline). */
    private static String part(CodeTemplate template, Map<String, String> values) {
        return template.render(values).stripTrailing();
    }

    private static String f(double v) {
        return CSyntax.floatLiteral(v);
    }

    private static String u(long v) {
        return Long.toString(v);
    }

    private static void checkSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("C symbol prefix must be lower-case letters, digits and _, starting"
                    + " with a letter, got '" + symbol + "'");
        }
    }

    private Parts raw(RawBlock b, SignalShape in, String reader) {
        String init = part(
                raw,
                Map.of(
                        "axisCount",
                        u(in.axisCount()),
                        "sampleCount",
                        u(in.sampleCount()),
                        "scale",
                        f(b.params().scale()),
                        "reader",
                        reader));
        return new Parts("ef_dsp_raw.h", "ef_dsp_raw_params", "ef_dsp_raw", init, List.of(), List.of("ef_dsp_raw.c"));
    }

    private Parts flatten(FlattenBlock b, SignalShape in, String reader) {
        List<String> bits = new ArrayList<>();
        for (FlattenStat stat : b.params().orderedStats()) {
            bits.add("EF_DSP_FLATTEN_" + stat.name());
        }
        String init = part(
                flatten,
                Map.of(
                        "axisCount",
                        u(in.axisCount()),
                        "sampleCount",
                        u(in.sampleCount()),
                        "scale",
                        f(b.params().scale()),
                        "stats",
                        String.join(" | ", bits),
                        "reader",
                        reader));
        return new Parts(
                "ef_dsp_flatten.h",
                "ef_dsp_flatten_params",
                "ef_dsp_flatten",
                init,
                List.of(),
                List.of("ef_dsp_flatten.c"));
    }

    private Parts spectral(SpectralAnalysisBlock b, SignalShape in, String reader, String symbol) {
        List<String> tables = new ArrayList<>();
        int fftLength = b.params().fftLength();
        String fftInit = fftPlan(fftLength, symbol, tables);
        ButterworthFilter filter = b.filter(in);
        String sections = "0";
        if (filter != null) {
            sections = symbol + "_sections";
            tables.add(CSyntax.floatTable(sections, filter.coefficients()));
        }
        tables.add(CSyntax.floatTable(symbol + "_taper", b.taper(in)));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("axisCount", u(in.axisCount()));
        v.put("sampleCount", u(in.sampleCount()));
        v.put("scale", f(b.params().scale()));
        v.put("reader", reader);
        v.put("sectionCount", u(filter == null ? 0 : filter.sectionCount()));
        v.put("sections", sections);
        v.put("fft", fftInit);
        v.put("segmentLength", u(b.segmentLength(in)));
        v.put("hop", u(b.hop(in)));
        v.put("segmentCount", u(b.segmentCount(in)));
        v.put("taper", symbol + "_taper");
        v.put("logOutput", b.params().log() ? "1" : "0");
        v.put("relativeFloor", f(SpectralAnalysisBlock.RELATIVE_FLOOR));
        v.put("absoluteFloor", f(SpectralAnalysisBlock.ABSOLUTE_FLOOR));
        v.put("peakCount", u(b.params().spectralPeakCount()));
        v.put("peakThreshold", f(b.params().spectralPeakThreshold()));
        v.put("binHz", f(in.frequencyHz() / fftLength));
        return new Parts(
                "ef_dsp_spectral.h",
                "ef_dsp_spectral_params",
                "ef_dsp_spectral",
                part(spectral, v),
                tables,
                List.of("ef_dsp_fft.c", "ef_dsp_spectral.c"));
    }

    private Parts mfe(MfeBlock b, SignalShape in, String reader, String symbol) {
        List<String> tables = new ArrayList<>();
        String framesInit = frames(b.layout(in), in, MfeBlock.PRE_EMPHASIS, null, reader, symbol, tables);
        String melInit = melFilters(b.filterbank(in), symbol, tables);
        String init = part(
                mfe,
                Map.of(
                        "frames",
                        framesInit,
                        "mel",
                        melInit,
                        "noiseFloorDb",
                        f(b.params().noiseFloorDb())));
        return new Parts(
                "ef_dsp_mfe.h",
                "ef_dsp_mfe_params",
                "ef_dsp_mfe",
                init,
                tables,
                List.of("ef_dsp_fft.c", "ef_dsp_frames.c", "ef_dsp_mfe.c"));
    }

    private Parts mfcc(MfccBlock b, SignalShape in, String reader, String symbol) {
        List<String> tables = new ArrayList<>();
        String framesInit = frames(b.layout(in), in, b.params().preEmphasis(), b.window(in), reader, symbol, tables);
        MelFilterbank bank = b.filterbank(in);
        String melInit = melFilters(bank, symbol, tables);
        double[][] dct = MfccBlock.liftedDct(
                b.params().coefficientCount(), bank.filterCount(), b.params().lifter());
        double[] flat = new double[dct.length * bank.filterCount()];
        for (int k = 0; k < dct.length; k++) {
            System.arraycopy(dct[k], 0, flat, k * bank.filterCount(), bank.filterCount());
        }
        tables.add(CSyntax.floatTable(symbol + "_dct", flat));
        String init = part(
                mfcc,
                Map.of(
                        "frames",
                        framesInit,
                        "mel",
                        melInit,
                        "coefficientCount",
                        u(b.params().coefficientCount()),
                        "dct",
                        symbol + "_dct",
                        "logFloor",
                        f(MfccBlock.LOG_FLOOR),
                        "relativeFloor",
                        f(MfccBlock.RELATIVE_FLOOR)));
        return new Parts(
                "ef_dsp_mfcc.h",
                "ef_dsp_mfcc_params",
                "ef_dsp_mfcc",
                init,
                tables,
                List.of("ef_dsp_fft.c", "ef_dsp_frames.c", "ef_dsp_mfcc.c"));
    }

    private Parts spectrogram(SpectrogramBlock b, SignalShape in, String reader, String symbol) {
        List<String> tables = new ArrayList<>();
        FrameLayout layout = b.layout(in);
        String framesInit = frames(layout, in, 0, null, reader, symbol, tables);
        String init = part(
                spectrogram,
                Map.of(
                        "frames",
                        framesInit,
                        "logScale",
                        b.params().logScale() ? "1" : "0",
                        "noiseFloorDb",
                        f(b.params().noiseFloorDb())));
        return new Parts(
                "ef_dsp_spectrogram.h",
                "ef_dsp_spectrogram_params",
                "ef_dsp_spectrogram",
                init,
                tables,
                List.of("ef_dsp_fft.c", "ef_dsp_frames.c", "ef_dsp_spectrogram.c"));
    }

    private String frames(
            FrameLayout layout,
            SignalShape in,
            double preEmphasis,
            double[] window,
            String reader,
            String symbol,
            List<String> tables) {
        String fftInit = fftPlan(layout.fftLength(), symbol, tables);
        String windowName = "0";
        if (window != null) {
            windowName = symbol + "_window";
            tables.add(CSyntax.floatTable(windowName, window));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sampleCount", u(in.sampleCount()));
        v.put("inputScale", f(1.0 / 32768.0));
        v.put("preEmphasis", f(preEmphasis));
        v.put("frameLength", u(layout.frameLength()));
        v.put("frameStride", u(layout.frameStride()));
        v.put("frameCount", u(layout.frameCount()));
        v.put("fftInputLength", u(layout.fftInputLength()));
        v.put("fft", fftInit);
        v.put("window", windowName);
        v.put("reader", reader);
        return part(frames, v);
    }

    private String melFilters(MelFilterbank bank, String symbol, List<String> tables) {
        int count = bank.filterCount();
        int[] starts = new int[count];
        int[] lengths = new int[count];
        double[] weights = new double[bank.weightCount()];
        int o = 0;
        for (int i = 0; i < count; i++) {
            double[] w = bank.weights(i);
            starts[i] = bank.start(i);
            lengths[i] = w.length;
            System.arraycopy(w, 0, weights, o, w.length);
            o += w.length;
        }
        tables.add(CSyntax.uint16Table(symbol + "_mel_starts", starts));
        tables.add(CSyntax.uint16Table(symbol + "_mel_lengths", lengths));
        tables.add(CSyntax.floatTable(symbol + "_mel_weights", weights));
        return part(
                mel,
                Map.of(
                        "filterCount",
                        u(count),
                        "starts",
                        symbol + "_mel_starts",
                        "lengths",
                        symbol + "_mel_lengths",
                        "weights",
                        symbol + "_mel_weights"));
    }

    /** The twiddle and bit-reversal tables of an n-point real FFT (see ef_dsp_fft.h) and the plan initializer. */
    private String fftPlan(int n, String symbol, List<String> tables) {
        int m = n / 2;
        double[] twiddles = new double[n];
        for (int k = 0; k < m; k++) {
            twiddles[2 * k] = Math.cos(2 * Math.PI * k / n);
            twiddles[2 * k + 1] = Math.sin(2 * Math.PI * k / n);
        }
        int bits = Integer.numberOfTrailingZeros(m);
        int[] bitrev = new int[m];
        for (int i = 0; i < m; i++) {
            bitrev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        tables.add(CSyntax.floatTable(symbol + "_fft_twiddles", twiddles));
        tables.add(CSyntax.uint16Table(symbol + "_fft_bitrev", bitrev));
        return part(
                fft, Map.of("length", u(n), "twiddles", symbol + "_fft_twiddles", "bitrev", symbol + "_fft_bitrev"));
    }
}
