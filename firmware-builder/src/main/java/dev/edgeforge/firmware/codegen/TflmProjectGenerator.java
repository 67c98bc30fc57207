package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.firmware.dsp.DspCodeGenerator;
import dev.edgeforge.firmware.dsp.GeneratedDspSource;
import dev.edgeforge.firmware.template.CSyntax;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.jobs.board.Board;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A TensorFlow Lite Micro project for a board: the model as an aligned TFLite flatbuffer ({@link TfliteWriter}),
 * a {@code main.cc} whose {@code MicroMutableOpResolver} registers exactly the model's operators, the tensor arena
 * size ({@link TflmArenaEstimate}), the impulse's DSP twin, EdgeForge's board support and a Makefile expecting a
 * TFLM checkout in {@code TFLM_DIR} and arm-none-eabi-gcc. The application speaks the EdgeForge serial line protocol,
 * like EdgeForge's own firmware.
 */
public final class TflmProjectGenerator {

    /** Written into the generated files; part of the build cache key. */
    public static final String GENERATOR = "tflm project generator 1.1";

    /** The resolver method registering each operator. */
    private static final Map<OpType, String> REGISTRATIONS = new EnumMap<>(Map.of(
            OpType.ADD,
            "AddAdd",
            OpType.AVERAGE_POOL_2D,
            "AddAveragePool2D",
            OpType.CONV_2D,
            "AddConv2D",
            OpType.DEPTHWISE_CONV_2D,
            "AddDepthwiseConv2D",
            OpType.DEQUANTIZE,
            "AddDequantize",
            OpType.FULLY_CONNECTED,
            "AddFullyConnected",
            OpType.MAX_POOL_2D,
            "AddMaxPool2D",
            OpType.QUANTIZE,
            "AddQuantize",
            OpType.RESHAPE,
            "AddReshape",
            OpType.SOFTMAX,
            "AddSoftmax"));

    private final FirmwareSources sources;
    private final CodeTemplate main = CodeTemplate.load("tflm/main.cc.tmpl");
    private final CodeTemplate classify = CodeTemplate.load("tflm/classify.cc.tmpl");
    private final CodeTemplate classifyImage = CodeTemplate.load("tflm/classify_image.cc.tmpl");
    private final CodeTemplate dspStateImage = CodeTemplate.load("tflm/dsp_state_image.cc.tmpl");
    private final CodeTemplate windowFields = CodeTemplate.load("tflm/window_fields.cc.tmpl");
    private final CodeTemplate dspState = CodeTemplate.load("tflm/dsp_state.cc.tmpl");
    private final CodeTemplate dataHeader = CodeTemplate.load("tflm/model_data.h.tmpl");
    private final CodeTemplate dataSource = CodeTemplate.load("tflm/model_data.cc.tmpl");
    private final CodeTemplate makefile = CodeTemplate.load("tflm/Makefile.tmpl");
    private final CodeTemplate newlibStubs = CodeTemplate.load("tflm/newlib_stubs.c.tmpl");
    private final CodeTemplate readme = CodeTemplate.load("tflm/README.md.tmpl");

    public TflmProjectGenerator(FirmwareSources sources) {
        this.sources = sources;
    }

    /**
     * The project written into {@code directory}.
     *
     * @param directory   the project's folder
     * @param arenaBytes  {@code kTensorArenaSize}
     * @param operators   the resolver's registrations, e.g. {@code AddConv2D}
     * @param cSources    the C files (board support, DSP) relative to the folder
     * @param cxxSources  the C++ files relative to the folder
     */
    public record TflmProject(
            Path directory, int arenaBytes, List<String> operators, List<String> cSources, List<String> cxxSources) {

        public TflmProject {
            operators = List.copyOf(operators);
            cSources = List.copyOf(cSources);
            cxxSources = List.copyOf(cxxSources);
        }
    }

    /**
     * @param library the model compiled by EdgeForge (its identity, int8 core, plan and impulse)
     * @param boot    the built-in test input; when absent the boot input is the input tensor's zero point
     * @throws UnsupportedModelException when the model's own input or output is not int8
     */
    public TflmProject generate(GeneratedLibrary library, Board board, Optional<TestWindow> boot, Path directory) {
        ModelGraph model = library.core().original();
        if (model.inputTensor(0).type() != DataType.INT8
                || model.outputTensor(0).type() != DataType.INT8) {
            throw new UnsupportedModelException("the tflm format needs a model whose input and output tensors are"
                    + " int8; this one has " + model.inputTensor(0).type().displayName() + " input and "
                    + model.outputTensor(0).type().displayName() + " output");
        }
        ModelIdentity identity = library.identity();
        String banner = identity.cxxBanner(GENERATOR);
        byte[] flatbuffer = new TfliteWriter().write(model);
        int arena = TflmArenaEstimate.of(model);
        List<String> registrations = registrations(model);

        write(
                directory.resolve("model_data.h"),
                dataHeader.render(Map.of("banner", banner, "modelName", identity.name())));
        write(
                directory.resolve("model_data.cc"),
                dataSource.render(Map.of(
                        "banner",
                        banner,
                        "bytes",
                        hexBytes(flatbuffer),
                        "length",
                        Integer.toString(flatbuffer.length))));

        // TFLM keeps its asserts: abort() and newlib's stdio need these system calls to link
        write(directory.resolve("newlib_stubs.c"), newlibStubs.render(Map.of("banner", identity.banner(GENERATOR))));

        List<String> cSources = new ArrayList<>();
        for (Path boardSource : sources.boardSources(board)) {
            cSources.add(relative(sources.root(), boardSource));
        }
        copyTree(sources.boardCommonDirectory(), directory.resolve("boards/common"));
        copyTree(sources.boardDirectory(board), directory.resolve("boards/" + board.id()));
        // The serial protocol's header includes the status codes.
        copyFile(sources.includeDirectory().resolve("ef/ef_status.h"), directory.resolve("include/ef/ef_status.h"));
        copyFile(sources.protocolDocument(), directory.resolve("PROTOCOL.md"));

        Map<String, String> v = new LinkedHashMap<>();
        v.put("banner", banner);
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put("modelName", identity.name());
        v.put("arenaExplanation", "Estimated from EdgeForge's plan (see README.md, \"Tensor arena\").");
        v.put("arenaSize", Integer.toString(arena));
        v.put("inputSize", Integer.toString(library.inputSize()));
        byte[] bootInput = boot.map(window -> InputQuantizer.of(library).int8Input(window))
                .orElseGet(() -> filled(library.inputSize(), (byte)
                        library.core().inputQuantization().zeroPoint()));
        v.put(
                "bootDescription",
                boot.map(window -> window.kind().name().toLowerCase(Locale.ROOT)
                                + window.label()
                                        .map(label -> ", label " + label)
                                        .orElse(""))
                        .orElse("the input's zero point"));
        v.put("bootValues", CSyntax.int8Values(bootInput));
        v.put("opCount", Integer.toString(registrations.size()));
        List<String> lines = new ArrayList<>();
        registrations.forEach(name -> lines.add("  resolver." + name + "();"));
        v.put("registrations", String.join("\n", lines));
        String dspDescription = "none (generated without an impulse)";
        if (library.impulse().isPresent()) {
            ImpulseDsp dsp = library.impulse().get();
            GeneratedDspSource dspSource = ImpulseDspSource.generate(
                    dsp,
                    new DspCodeGenerator(),
                    "model '" + identity.name() + "' (SHA-256 " + identity.sha256() + "), impulse v"
                            + dsp.impulse().version(),
                    library.core().inputQuantization());
            write(directory.resolve("dsp/" + dspSource.headerName()), dspSource.header());
            write(directory.resolve("dsp/" + dspSource.sourceName()), dspSource.source());
            copyTree(sources.root().resolve("dsp"), directory.resolve("dsp"));
            cSources.add("dsp/" + dspSource.sourceName());
            dspSource.runtimeSources().forEach(twin -> cSources.add("dsp/" + twin));
            v.put(
                    "windowCommand",
                    " and `window <hex>` runs the impulse's " + dsp.block().type() + " block on a raw window first");
            v.put("dspInclude", "#include \"" + dspSource.headerName() + "\"");
            v.put(
                    "dspState",
                    (dsp.image() ? dspStateImage : dspState)
                            .render(Map.of(
                                    "windowDescription",
                                    dsp.image() ? "camera frame" : "time series, interleaved",
                                    "windowType",
                                    dsp.windowType(),
                                    "windowCount",
                                    Integer.toString(dsp.windowCount()),
                                    "featureCount",
                                    Integer.toString(dsp.featureCount())))
                            .stripTrailing());
            v.put(
                    "classify",
                    (dsp.image() ? classifyImage : classify)
                            .render(Map.of(
                                    "dspSymbol",
                                    dspSource.symbol(),
                                    "featureCount",
                                    Integer.toString(dsp.featureCount())))
                            .stripTrailing());
            v.put("windowFields", windowFields.render(Map.of()).stripTrailing());
            dspDescription =
                    "the impulse's " + dsp.block().type() + " block as C (the DSP twin and its generated" + " params)";
        } else {
            v.put("windowCommand", "");
            v.put("dspInclude", "");
            v.put("dspState", "");
            v.put("classify", "");
            v.put("windowFields", "");
        }
        write(directory.resolve("main.cc"), main.render(v));

        String arch = board.core().compilerFlags().get(0).replace("-mcpu=", "") + "+fp";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("modelName", identity.name());
        m.put("boardName", board.name());
        m.put("boardId", board.id());
        m.put("generator", GENERATOR);
        m.put("tflmArch", arch);
        m.put("cpuFlags", String.join(" ", board.compilerFlags()));
        m.put("dspIncludes", library.impulse().isPresent() ? "-Idsp" : "");
        m.put("cSources", String.join(" ", cSources));
        write(directory.resolve("Makefile"), makefile.render(m));

        Map<String, String> r = new LinkedHashMap<>();
        r.put("modelName", identity.name());
        r.put("boardName", board.name());
        r.put("boardId", board.id());
        r.put("generator", GENERATOR);
        r.put("sha256", identity.sha256());
        r.put("modelBytes", Integer.toString(flatbuffer.length));
        r.put("opCount", Integer.toString(registrations.size()));
        r.put(
                "opList",
                String.join(
                        ", ",
                        registrations.stream().map(name -> "`" + name + "`").toList()));
        r.put("arenaSize", Integer.toString(arena));
        r.put("dspDescription", dspDescription);
        r.put("tflmArch", arch);
        r.put("plannedArena", Integer.toString(library.plan().arenaBytes()));
        r.put("arenaLowerBound", Integer.toString(library.plan().lowerBound()));
        r.put(
                "arenaFormula",
                "TFLM's greedy placement of the activations (" + TflmArenaEstimate.greedyPlan(model)
                        + " bytes) plus those records, the largest kernel scratch buffer and a margin, rounded up to "
                        + "1 KiB: "
                        + arena + " bytes");
        write(directory.resolve("README.md"), readme.render(r));
        return new TflmProject(directory, arena, registrations, cSources, List.of("main.cc", "model_data.cc"));
    }

    /** One {@code AddX} per operator type the model uses, in a stable order. */
    static List<String> registrations(ModelGraph model) {
        TreeSet<OpType> types = new TreeSet<>();
        for (Operator op : model.operators()) {
            types.add(op.type());
        }
        List<String> names = new ArrayList<>();
        for (OpType type : types) {
            String name = REGISTRATIONS.get(type);
            if (name == null) {
                throw new UnsupportedModelException("no TFLM registration known for " + type);
            }
            names.add(name);
        }
        return names;
    }

    private static String hexBytes(byte[] bytes) {
        String[] text = new String[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            text[i] = String.format(Locale.ROOT, "0x%02x", bytes[i] & 0xFF);
        }
        return CSyntax.values(text, 16);
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    copyFile(path, to.resolve(from.relativize(path).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }
}
