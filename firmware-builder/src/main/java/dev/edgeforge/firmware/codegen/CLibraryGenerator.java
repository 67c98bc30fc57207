package dev.edgeforge.firmware.codegen;

import static dev.edgeforge.firmware.template.CSyntax.floatLiteral;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.KernelPlan;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.device.NetworkPlan;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.interpreter.PreparedOperator;
import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.memory.MemoryPlanner;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Shapes;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.firmware.dsp.DspCodeGenerator;
import dev.edgeforge.firmware.dsp.GeneratedDspSource;
import dev.edgeforge.firmware.template.CSyntax;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code c-library} generator, EdgeForge's answer to Edge Impulse's EON compiler: a quantized model becomes
 * portable C99 with no interpreter — weights as const 16-byte-aligned arrays, each operator's params as const
 * structs computed by {@link PreparedModel}, a straight-line invoke function calling the int8 kernels on offsets of
 * one static arena planned by {@link MemoryPlanner}, the DSP block's C twin when an impulse is given, and the API of
 * {@code include/ef/ef_model.h}. No dynamic allocation. Every generated file comes from a template under
 * {@code templates/c-library/} and starts with a line naming the generator and the model (name and SHA-256).
 */
public final class CLibraryGenerator {

    /** Written into every generated file; part of the build cache key. */
    public static final String GENERATOR = "c-library generator 1.1";

    private static final int DATA_ALIGNMENT = 16;
    /** EF_MODEL_MAX_DIMS in ef_model.h. */
    private static final int MAX_INPUT_DIMS = 6;

    private final FirmwareSources sources;
    private final MemoryPlanner planner;
    private final DspCodeGenerator dspGenerator = new DspCodeGenerator();
    private final CodeTemplate modelSource = CodeTemplate.load("c-library/model.c.tmpl");
    private final CodeTemplate impulseSource = CodeTemplate.load("c-library/impulse.c.tmpl");
    private final CodeTemplate imageImpulseSource = CodeTemplate.load("c-library/impulse_image.c.tmpl");
    private final CodeTemplate noImpulseSource = CodeTemplate.load("c-library/no_impulse.c.tmpl");
    private final CodeTemplate configHeader = CodeTemplate.load("c-library/ef_model_config.h.tmpl");
    private final CodeTemplate dataHeader = CodeTemplate.load("c-library/model_data.h.tmpl");
    private final CodeTemplate dataSource = CodeTemplate.load("c-library/model_data.c.tmpl");
    private final CodeTemplate step = CodeTemplate.load("c-library/ops/step.tmpl");
    private final CodeTemplate arenaStatic = CodeTemplate.load("c-library/arena_static.c.tmpl");
    private final CodeTemplate arenaApplication = CodeTemplate.load("c-library/arena_application.c.tmpl");
    private final CodeTemplate readme = CodeTemplate.load("c-library/README.md.tmpl");
    private final CodeTemplate makefile = CodeTemplate.load("c-library/Makefile.tmpl");
    private final CodeTemplate label = CodeTemplate.load("c-library/label.c.tmpl");
    private final CodeTemplate constantDeclaration = CodeTemplate.load("c-library/constant_declaration.h.tmpl");
    private final CodeTemplate constantDefinition = CodeTemplate.load("c-library/constant_definition.c.tmpl");

    /** @param sources the C tree (kernels, runtime, DSP twins) copied into every library */
    public CLibraryGenerator(FirmwareSources sources) {
        this(sources, new MemoryPlanner());
    }

    public CLibraryGenerator(FirmwareSources sources, MemoryPlanner planner) {
        this.sources = sources;
        this.planner = planner;
    }

    /**
     * Writes the library into {@code directory} (created; it must be empty or absent).
     *
     * @throws UnsupportedModelException when the model cannot be compiled (float operators, several inputs, an
     *     impulse whose features do not fit the model's input, a name or label a C string cannot hold …)
     */
    public GeneratedLibrary generate(CLibraryRequest request, Path directory) {
        NetworkCore core = NetworkCore.of(request.model());
        ModelIdentity identity = ModelIdentity.of(request.modelName(), request.model());
        NetworkPlan network = NetworkPlan.of(core.graph(), planner);
        KernelPlan kernels = network.kernels();
        PreparedModel prepared = network.prepared();
        MemoryPlan plan = prepared.memoryPlan();
        plan.verify();
        List<String> labels = request.labels();
        ModelIdentity.requireCText(labels);
        int outputSize = core.output().byteSize();
        if (!labels.isEmpty() && labels.size() != outputSize) {
            throw new UnsupportedModelException(labels.size() + " labels for a model with " + outputSize + " outputs");
        }
        Optional<ImpulseDsp> impulse = request.impulse().map(ImpulseDsp::of);
        impulse.ifPresent(dsp -> ModelIdentity.requireCText(
                "the processing block's name", dsp.processing().name()));
        impulse.ifPresent(dsp -> {
            if (dsp.featureCount() != core.input().elementCount()) {
                throw new UnsupportedModelException(
                        "the impulse's " + dsp.block().type() + " block gives "
                                + dsp.featureCount() + " features per window but the model's input "
                                + Shapes.format(core.input().shape()) + " takes "
                                + core.input().elementCount());
            }
        });

        prepareDirectory(directory);
        copyStaticSources(directory, impulse.isPresent());
        List<Path> generated = new ArrayList<>();
        List<Path> dspSources = new ArrayList<>();
        String banner = identity.banner(GENERATOR);
        Map<Integer, String> constants = constantNames(core.graph(), kernels);
        List<DataArray> data = new ArrayList<>(tensorArrays(core.graph(), constants));
        data.addAll(PackedArrays.of(kernels, core.graph().operators().size()));

        write(
                directory,
                "model/model_data.h",
                dataHeader.render(Map.of(
                        "banner",
                        banner,
                        "modelName",
                        identity.name(),
                        "constantBytes",
                        Long.toString(data.stream().mapToLong(DataArray::bytes).sum()),
                        "declarations",
                        declarations(data))),
                generated);
        write(
                directory,
                "model/model_data.c",
                dataSource.render(
                        Map.of("banner", banner, "modelName", identity.name(), "definitions", definitions(data))),
                generated);
        write(
                directory,
                "model/ef_model_config.h",
                config(banner, identity, core, plan, labels, impulse, request.arena()),
                generated);

        String impulseText;
        String dspInclude = "";
        if (impulse.isPresent()) {
            ImpulseDsp dsp = impulse.get();
            String origin = "model '" + identity.name() + "' (SHA-256 " + identity.sha256() + "), impulse v"
                    + dsp.impulse().version() + ", processing block "
                    + dsp.processing().id() + " '"
                    + dsp.processing().name() + "'";
            GeneratedDspSource source = ImpulseDspSource.generate(dsp, dspGenerator, origin, core.inputQuantization());
            write(directory, "dsp/" + source.headerName(), source.header(), generated);
            write(directory, "dsp/" + source.sourceName(), source.source(), generated);
            dspSources.add(Path.of("dsp", source.sourceName()));
            source.runtimeSources().forEach(twin -> dspSources.add(Path.of("dsp", twin)));
            dspInclude = "#include \"" + source.headerName() + "\"";
            impulseText = (dsp.image() ? imageImpulseSource : impulseSource)
                    .render(Map.of(
                            "blockName",
                            dsp.processing().name(),
                            "blockType",
                            dsp.block().type(),
                            "dspHeader",
                            source.headerName(),
                            "dspSymbol",
                            source.symbol()));
        } else {
            impulseText = noImpulseSource.render(Map.of());
        }
        String arena = (request.arena() == CLibraryRequest.ArenaOwner.LIBRARY ? arenaStatic : arenaApplication)
                .render(Map.of())
                .stripTrailing();
        write(
                directory,
                "model/model.c",
                model(
                        banner,
                        identity,
                        core,
                        prepared,
                        kernels,
                        labels,
                        impulse,
                        constants,
                        dspInclude,
                        impulseText,
                        arena),
                generated);
        write(directory, "README.md", readme(identity, core, plan, labels, impulse), generated);
        write(
                directory,
                "Makefile",
                makefile.render(Map.of(
                        "modelName",
                        identity.name(),
                        "sha256",
                        identity.sha256(),
                        "generator",
                        GENERATOR,
                        "dspSources",
                        String.join(
                                " ",
                                dspSources.stream()
                                        .map(p -> p.toString().replace('\\', '/'))
                                        .toList()),
                        "dspInclude",
                        impulse.isPresent() ? "-Idsp" : "")),
                generated);
        List<GeneratedLibrary.ConstantArray> arrays = new ArrayList<>();
        data.forEach(array -> arrays.add(new GeneratedLibrary.ConstantArray(array.name(), array.bytes())));
        return new GeneratedLibrary(directory, identity, core, plan, impulse, labels, generated, dspSources, arrays);
    }

    private String config(
            String banner,
            ModelIdentity identity,
            NetworkCore core,
            MemoryPlan plan,
            List<String> labels,
            Optional<ImpulseDsp> impulse,
            CLibraryRequest.ArenaOwner arena) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("banner", banner);
        v.put("modelName", identity.name());
        v.put("arenaStatic", arena == CLibraryRequest.ArenaOwner.LIBRARY ? "1" : "0");
        v.put("inputShape", Shapes.format(core.input().shape()));
        v.put("inputSize", Integer.toString(core.input().byteSize()));
        v.put("outputShape", Shapes.format(core.output().shape()));
        v.put("outputSize", Integer.toString(core.output().byteSize()));
        v.put("labelCount", Integer.toString(labels.size()));
        v.put("arenaSize", Integer.toString(Math.max(plan.arenaBytes(), DATA_ALIGNMENT)));
        v.put("arenaLowerBound", Integer.toString(plan.lowerBound()));
        v.put("hasImpulse", impulse.isPresent() ? "1" : "0");
        v.put(
                "windowCount",
                Integer.toString(impulse.map(ImpulseDsp::windowCount).orElse(0)));
        v.put(
                "windowDescription",
                impulse.map(dsp -> dsp.image()
                                ? "a camera frame of " + dsp.windowCount() + " bytes ("
                                        + ((ImageBlock) dsp.block())
                                                .params()
                                                .pixelFormat()
                                                .name()
                                        + ", resized on the device to "
                                        + dsp.shape().width() + "x"
                                        + dsp.shape().height() + ")"
                                : dsp.shape().axisCount() + " axes x "
                                        + dsp.shape().sampleCount() + " samples at "
                                        + dsp.shape().frequencyHz() + " Hz, interleaved")
                        .orElse("none, generated without an impulse"));
        v.put("windowType", impulse.map(ImpulseDsp::windowType).orElse("float"));
        return configHeader.render(v);
    }

    private String model(
            String banner,
            ModelIdentity identity,
            NetworkCore core,
            PreparedModel prepared,
            KernelPlan kernels,
            List<String> labels,
            Optional<ImpulseDsp> impulse,
            Map<Integer, String> constants,
            String dspInclude,
            String impulseText,
            String arena) {
        MemoryPlan plan = prepared.memoryPlan();
        OperatorEmitter emitter =
                new OperatorEmitter(core.graph(), plan, kernels, tensor -> constants.get(tensor.id()));
        Set<String> headers = new LinkedHashSet<>();
        List<String> definitions = new ArrayList<>();
        StringBuilder steps = new StringBuilder();
        for (PreparedOperator op : prepared.operators()) {
            OperatorEmitter.EmittedOperator emitted = emitter.emit(op);
            headers.add(emitted.kernelHeader());
            definitions.add(emitted.definitions().stripTrailing());
            steps.append(step.render(Map.of("description", emitter.describe(op), "call", emitted.call())));
        }
        List<String> includes = new ArrayList<>();
        new TreeSet<>(headers).forEach(header -> includes.add("#include \"" + header + "\""));
        if (!dspInclude.isEmpty()) {
            includes.add(dspInclude);
        }
        Tensor input = core.input();
        Tensor output = core.output();
        int[] dims = new int[MAX_INPUT_DIMS];
        int[] shape = input.shape();
        if (shape.length > dims.length) {
            throw new UnsupportedModelException(
                    "the input has " + shape.length + " dimensions; at most " + dims.length + " are supported");
        }
        System.arraycopy(shape, 0, dims, 0, shape.length);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("banner", banner);
        v.put("modelName", identity.name());
        v.put("operatorCount", Integer.toString(prepared.operators().size()));
        v.put("arenaSize", Integer.toString(plan.arenaBytes()));
        v.put("arenaLowerBound", Integer.toString(plan.lowerBound()));
        v.put("planStrategy", plan.strategy());
        v.put("includes", String.join("\n", includes));
        v.put("arena", arena);
        v.put("operators", String.join("\n\n", definitions));
        v.put("labelArraySize", Integer.toString(Math.max(labels.size(), 1)));
        v.put(
                "labelLiterals",
                labels.isEmpty()
                        ? "    0"
                        : CSyntax.values(
                                labels.stream()
                                        .map(text -> label.render(Map.of("label", text))
                                                .stripTrailing())
                                        .toArray(String[]::new),
                                1));
        v.put("modelName", identity.name());
        v.put("sha256", identity.sha256());
        v.put("inputRank", Integer.toString(shape.length));
        v.put("inputDims", joined(dims));
        v.put("inputScale", floatLiteral(core.inputQuantization().scale()));
        v.put("inputZeroPoint", Integer.toString(core.inputQuantization().zeroPoint()));
        v.put("outputScale", floatLiteral(core.outputQuantization().scale()));
        v.put("outputZeroPoint", Integer.toString(core.outputQuantization().zeroPoint()));
        v.put("dspBlock", impulse.map(dsp -> dsp.block().type()).orElse(""));
        v.put("inputOffset", Integer.toString(plan.offset(input.id())));
        v.put("outputOffset", Integer.toString(plan.offset(output.id())));
        v.put("steps", steps.toString().stripTrailing());
        v.put("impulse", impulseText.stripTrailing());
        return modelSource.render(v);
    }

    private String readme(
            ModelIdentity identity,
            NetworkCore core,
            MemoryPlan plan,
            List<String> labels,
            Optional<ImpulseDsp> impulse) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("modelName", identity.name());
        v.put("sha256", identity.sha256());
        v.put("generator", GENERATOR);
        v.put("inputShape", Shapes.format(core.input().shape()));
        v.put("inputScale", Float.toString(core.inputQuantization().scale()));
        v.put("inputZeroPoint", Integer.toString(core.inputQuantization().zeroPoint()));
        v.put("outputShape", Shapes.format(core.output().shape()));
        v.put("outputScale", Float.toString(core.outputQuantization().scale()));
        v.put("outputZeroPoint", Integer.toString(core.outputQuantization().zeroPoint()));
        v.put("labels", labels.isEmpty() ? "(none)" : String.join(", ", labels));
        v.put("arenaSize", Integer.toString(plan.arenaBytes()));
        v.put("arenaLowerBound", Integer.toString(plan.lowerBound()));
        v.put("operatorSummary", operatorSummary(core.graph()));
        v.put(
                "impulseSummary",
                impulse.map(dsp -> "processing block '" + dsp.processing().name() + "' ("
                                + dsp.block().type() + "), raw windows of " + dsp.windowCount() + " " + dsp.windowType()
                                + " values")
                        .orElse("none: ef_model_run_impulse returns EF_ERROR_UNSUPPORTED"));
        return readme.render(v);
    }

    private static String operatorSummary(ModelGraph graph) {
        Map<OpType, Integer> counts = new TreeMap<>();
        graph.operators().forEach(op -> counts.merge(op.type(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((type, count) -> parts.add(count + " × " + type));
        return String.join(", ", parts);
    }

    /**
     * The C array name of every constant tensor an operator reads as it is (RESHAPE's shape vector is not read, nor
     * are the weights and biases the packed kernels read in their own layout).
     */
    private static Map<Integer, String> constantNames(ModelGraph graph, KernelPlan kernels) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Operator op : graph.operators()) {
            for (int k = 0; k < op.inputCount(); k++) {
                int id = op.input(k);
                if (id == Operator.NO_TENSOR || !graph.tensor(id).isConstant()) {
                    continue;
                }
                if (op.type() == OpType.RESHAPE && k == 1) {
                    continue;
                }
                Tensor tensor = graph.tensor(id);
                if (tensor.type() != DataType.INT8 && tensor.type() != DataType.INT32) {
                    throw new UnsupportedModelException(op.type() + " reads the constant " + tensor.describe()
                            + "; compiled models take int8 weights and int32 biases");
                }
                if (kernels.readsRaw(graph, id)) {
                    names.putIfAbsent(id, "ef_model_tensor_" + id);
                }
            }
        }
        return names;
    }

    /** The constant tensors an operator reads as they are; a tensor's description names it as the model file does. */
    private static List<DataArray> tensorArrays(ModelGraph graph, Map<Integer, String> constants) {
        List<DataArray> arrays = new ArrayList<>();
        constants.forEach((id, name) -> {
            Tensor tensor = graph.tensor(id);
            arrays.add(
                    tensor.type() == DataType.INT8
                            ? DataArray.int8(name, tensor.describe(), tensor.int8Data())
                            : DataArray.int32(name, tensor.describe(), tensor.int32Data()));
        });
        return arrays;
    }

    /** The extern declarations of the constant data; each array's comment is text for people (c-comment). */
    private String declarations(List<DataArray> data) {
        List<String> lines = new ArrayList<>();
        for (DataArray array : data) {
            lines.add(constantDeclaration
                    .render(Map.of(
                            "description",
                            array.comment(),
                            "type",
                            array.type(),
                            "symbol",
                            array.name(),
                            "count",
                            Integer.toString(Math.max(array.count(), 1))))
                    .stripTrailing());
        }
        return String.join("\n", lines);
    }

    private String definitions(List<DataArray> data) {
        List<String> tables = new ArrayList<>();
        for (DataArray array : data) {
            tables.add(constantDefinition
                    .render(Map.of(
                            "description",
                            array.comment(),
                            "table",
                            CSyntax.table(
                                    "EF_ALIGNED(" + DATA_ALIGNMENT + ") const",
                                    array.type(),
                                    array.name(),
                                    array.count(),
                                    array.values())))
                    .stripTrailing());
        }
        return String.join("\n\n", tables);
    }

    private static String joined(int[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return out.toString();
    }

    private static void prepareDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("the library directory " + directory + " is not empty");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** The hand-written parts: API headers, runtime, kernels and (with an impulse) the DSP twins. */
    private void copyStaticSources(Path directory, boolean withDsp) {
        Path root = sources.root();
        copyFiles(
                root.resolve("include/ef"),
                directory.resolve("include/ef"),
                List.of("ef_model.h", "ef_status.h", "ef_compiler.h"));
        copyFolder(root.resolve("runtime"), directory.resolve("runtime"));
        copyFolder(root.resolve("kernels"), directory.resolve("kernels"));
        if (withDsp) {
            copyFolder(root.resolve("dsp"), directory.resolve("dsp"));
        }
    }

    private static void copyFiles(Path from, Path to, List<String> names) {
        try {
            Files.createDirectories(to);
            for (String name : names) {
                Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy C sources from " + from, e);
        }
    }

    private static void copyFolder(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy C sources from " + from, e);
        }
    }

    private static void write(Path directory, String relative, String text, List<Path> generated) {
        Path file = directory.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        generated.add(Path.of(relative));
    }
}
