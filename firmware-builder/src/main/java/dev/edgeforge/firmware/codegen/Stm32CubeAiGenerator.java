package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.firmware.template.CSyntax;
import dev.edgeforge.firmware.template.CodeTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STM32Cube.AI-compatible sources for a compiled model: {@code network.c/.h}, {@code network_data.c/.h},
 * {@code network_data_params.c/.h} (the address tables), {@code network_config.h}, the application template
 * {@code app_x-cube-ai.c/.h} (from {@code templates/stm32cubeai/}) and EdgeForge's {@code ai_platform.h} with the
 * buffer helpers, so that an application written against X-CUBE-AI's generated API ({@code
 * ai_network_create_and_init}, {@code ai_network_inputs_get}, {@code ai_network_run}, the {@code AI_NETWORK_*} and
 * {@code AI_NETWORK_DATA_*} macros …) compiles unchanged. The network behind the API is the library's compiled
 * model, running on the activations buffer the application passes in: the library must be generated with
 * {@link CLibraryRequest.ArenaOwner#APPLICATION}.
 */
public final class Stm32CubeAiGenerator {

    /** Written into the generated files; part of the build cache key. */
    public static final String GENERATOR = "stm32cubeai generator 1.1";

    private final CodeTemplate networkHeader = CodeTemplate.load("stm32cubeai/network.h.tmpl");
    private final CodeTemplate networkSource = CodeTemplate.load("stm32cubeai/network.c.tmpl");
    private final CodeTemplate dataHeader = CodeTemplate.load("stm32cubeai/network_data.h.tmpl");
    private final CodeTemplate dataSource = CodeTemplate.load("stm32cubeai/network_data.c.tmpl");
    private final CodeTemplate paramsHeader = CodeTemplate.load("stm32cubeai/network_data_params.h.tmpl");
    private final CodeTemplate paramsSource = CodeTemplate.load("stm32cubeai/network_data_params.c.tmpl");
    private final CodeTemplate config = CodeTemplate.load("stm32cubeai/network_config.h.tmpl");

    /**
     * The generated API: {@code App/} (network files), {@code Inc/} (ai_platform.h, ai_datatypes_defines.h) and
     * {@code Lib/ai_platform.c}, under {@code root}.
     *
     * @param root    the folder written
     * @param sources the C files to compile besides the library's
     */
    public record CubeAiSources(Path root, List<Path> sources) {

        public CubeAiSources {
            sources = List.copyOf(sources);
        }

        /** {@code App/} and {@code Inc/}. */
        public List<Path> includeDirectories() {
            return List.of(root.resolve("App"), root.resolve("Inc"));
        }
    }

    /**
     * @throws IllegalArgumentException when the library has its own static arena
     */
    public CubeAiSources generate(GeneratedLibrary library, Path directory) {
        String config = read(library.root().resolve("model/ef_model_config.h"));
        if (!config.contains("#define EF_MODEL_ARENA_STATIC 0")) {
            throw new IllegalArgumentException("the X-CUBE-AI API needs a library generated with an"
                    + " application-owned arena (ArenaOwner.APPLICATION)");
        }
        ModelIdentity identity = library.identity();
        String banner = identity.banner(GENERATOR);
        Tensor input = library.core().input();
        Tensor output = library.core().output();
        int nodes = library.core().graph().operators().size();
        long macs = MacCounter.count(PreparedModel.prepare(library.core().graph()));

        Map<String, String> header = new LinkedHashMap<>();
        header.put("banner", banner);
        header.put("modelName", identity.name());
        header.put("inputGeometry", geometry("IN", input));
        header.put("inputSize", Integer.toString(input.byteSize()));
        header.put("outputGeometry", geometry("OUT", output));
        header.put("outputSize", Integer.toString(output.byteSize()));
        header.put("nodes", Integer.toString(nodes));

        Map<String, String> source = new LinkedHashMap<>();
        source.put("banner", banner);
        source.put("modelName", identity.name());
        source.put(
                "inputScale",
                CSyntax.floatLiteral(library.core().inputQuantization().scale()));
        source.put(
                "inputZeroPoint",
                Integer.toString(library.core().inputQuantization().zeroPoint()));
        source.put(
                "outputScale",
                CSyntax.floatLiteral(library.core().outputQuantization().scale()));
        source.put(
                "outputZeroPoint",
                Integer.toString(library.core().outputQuantization().zeroPoint()));
        source.put("inputShape", bcwh(input.shape()));
        source.put("outputShape", bcwh(output.shape()));
        source.put("sha256", identity.sha256());
        source.put("generator", GENERATOR);
        source.put("macs", Long.toString(macs));

        List<String> table = new ArrayList<>();
        library.constants().forEach(constant -> table.add("(const void *)" + constant.symbol()));
        if (table.isEmpty()) {
            table.add("NULL"); // a model without constants still has a (one-entry) weights array
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("banner", banner);
        params.put("modelName", identity.name());
        params.put("arenaSize", Integer.toString(library.plan().arenaBytes()));
        params.put("arenaLowerBound", Integer.toString(library.plan().lowerBound()));
        params.put("weightsSize", Long.toString(Math.max(library.constantBytes(), 1)));
        params.put("weightCount", Integer.toString(table.size()));
        Map<String, String> paramsC = Map.of(
                "banner",
                banner,
                "weightCount",
                Integer.toString(table.size()),
                "weightsTable",
                CSyntax.values(table.toArray(String[]::new), 1));

        write(directory.resolve("App/network.h"), networkHeader.render(header));
        write(directory.resolve("App/network.c"), networkSource.render(source));
        write(
                directory.resolve("App/network_data.h"),
                dataHeader.render(Map.of("banner", banner, "modelName", identity.name())));
        write(directory.resolve("App/network_data.c"), dataSource.render(Map.of("banner", banner)));
        write(directory.resolve("App/network_data_params.h"), paramsHeader.render(params));
        write(directory.resolve("App/network_data_params.c"), paramsSource.render(paramsC));
        write(
                directory.resolve("App/app_x-cube-ai.h"),
                CodeTemplate.load("stm32cubeai/static/app_x-cube-ai.h").text());
        write(
                directory.resolve("App/app_x-cube-ai.c"),
                CodeTemplate.load("stm32cubeai/static/app_x-cube-ai.c").text());
        write(directory.resolve("App/network_config.h"), this.config.render(Map.of("banner", banner)));
        write(
                directory.resolve("Inc/ai_platform.h"),
                CodeTemplate.load("stm32cubeai/static/ai_platform.h").text());
        write(
                directory.resolve("Inc/ai_datatypes_defines.h"),
                CodeTemplate.load("stm32cubeai/static/ai_datatypes_defines.h").text());
        write(
                directory.resolve("Lib/ai_platform.c"),
                CodeTemplate.load("stm32cubeai/static/ai_platform.c").text());
        return new CubeAiSources(
                directory,
                List.of(
                        directory.resolve("App/network.c"),
                        directory.resolve("App/network_data.c"),
                        directory.resolve("App/network_data_params.c"),
                        directory.resolve("Lib/ai_platform.c")));
    }

    /** {@code AI_NETWORK_IN_1_HEIGHT/WIDTH/CHANNEL} from an NHWC (or [batch, …, channels]) shape. */
    private static String geometry(String direction, Tensor tensor) {
        int[] b = bcwhDims(tensor.shape());
        String prefix = "#define AI_NETWORK_" + direction + "_1_";
        return prefix + "HEIGHT (" + b[3] + ")\n" + prefix + "WIDTH (" + b[2] + ")\n" + prefix + "CHANNEL (" + b[1]
                + ")";
    }

    private static String bcwh(int[] shape) {
        int[] b = bcwhDims(shape);
        return b[0] + ", " + b[1] + ", " + b[2] + ", " + b[3];
    }

    /** Batch, channels (last dimension), width (the one before), height (the one before that). */
    private static int[] bcwhDims(int[] shape) {
        int n = shape.length;
        int batch = n > 1 ? shape[0] : 1;
        int channels = n > 0 ? shape[n - 1] : 1;
        int width = n > 2 ? shape[n - 2] : 1;
        int height = n > 3 ? shape[n - 3] : 1;
        return new int[] {batch, channels, width, height};
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
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
}
