package dev.edgeforge.firmware.bundle;

import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.model.Shapes;
import dev.edgeforge.firmware.codegen.CubeAiExample;
import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.codegen.MacCounter;
import dev.edgeforge.firmware.codegen.Stm32CubeAiGenerator;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.BinaryTools;
import dev.edgeforge.firmware.toolchain.CompilationFailedException;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.MapFileParser;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code stm32cubeai} bundle: the X-CUBE-AI-compatible API and application template ({@code App/}, {@code Inc/},
 * {@code Lib/}) over the compiled model ({@code edgeforge/}, generated with an application-owned arena), and
 * {@code Example/}, the template filled for EdgeForge's serial protocol with board support and a Makefile. The image
 * is built by running that Makefile in a copy of the bundle's files, as a user would after unzipping it, so the
 * image the deployment verifies is the one the bundle builds; the memory report is that image's.
 */
final class CubeAiBundler {

    private final FirmwareSources sources;
    private final ProcessRunner runner;
    private final BinaryTools binaryTools;
    private final Toolchain toolchain;
    private final MemoryReports memoryReports = new MemoryReports();
    private final CodeTemplate readme = CodeTemplate.load("stm32cubeai/README.md.tmpl");

    CubeAiBundler(FirmwareSources sources, ProcessRunner runner, BinaryTools binaryTools, Toolchain toolchain) {
        this.sources = sources;
        this.runner = runner;
        this.binaryTools = binaryTools;
        this.toolchain = toolchain;
    }

    DeploymentBuilder.Produced bundle(Board board, GeneratedLibrary library, Path directory, BundleWriter writer) {
        Path tree = directory.resolve("stm32cubeai");
        Stm32CubeAiGenerator.CubeAiSources cube = new Stm32CubeAiGenerator().generate(library, tree);
        copyTree(library.root(), tree.resolve("edgeforge"));
        new CubeAiExample(sources)
                .generate(library, board, read(cube.root().resolve("App/app_x-cube-ai.c")), tree.resolve("Example"));
        writer.copyTree(tree, ".");
        writer.writeText("README.md", readme(board, library));

        // The bundle's files are staged; the build writes into Example/build of the tree, never into the bundle.
        // -s and the image targets (not `all`, which prints the size table): the output is the compiler's diagnostics
        List<String> make = new ArrayList<>(List.of("make", "-s"));
        prefix().ifPresent(prefix -> make.add("PREFIX=" + prefix));
        make.addAll(List.of("build/firmware.elf", "build/firmware.bin", "build/firmware.hex"));
        Path example = tree.resolve("Example");
        ProcessResult built = runner.run(example, make);
        if (!built.succeeded()) {
            throw new CompilationFailedException(
                    "building Example/ with its Makefile", built.exitCode(), built.output());
        }
        Path build = example.resolve("build");
        FirmwareImage image;
        try {
            image = new FirmwareImage(
                    board,
                    build.resolve("firmware.elf"),
                    build.resolve("firmware.bin"),
                    build.resolve("firmware.hex"),
                    build.resolve("firmware.map"),
                    binaryTools.size(build.resolve("firmware.elf")),
                    MapFileParser.parse(Files.readString(build.resolve("firmware.map"))),
                    built.output());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example's map file in " + build, e);
        }
        MemoryReport memory = MemoryReports.of(board, library, Optional.of(image));
        writer.writeText(
                "MEMORY.md", memoryReports.markdown(memory, library.identity().name(), board));
        return new DeploymentBuilder.Produced(writer, Optional.of(image.elf()), memory, image.compilerOutput());
    }

    /** The toolchain's prefix ({@code /usr/bin/arm-none-eabi-}) when its compiler is named {@code <prefix>gcc}. */
    private Optional<String> prefix() {
        String compiler = toolchain.compiler().toAbsolutePath().toString();
        return compiler.endsWith("gcc")
                ? Optional.of(compiler.substring(0, compiler.length() - "gcc".length()))
                : Optional.empty();
    }

    private String readme(Board board, GeneratedLibrary library) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("modelName", library.identity().name());
        v.put("generator", Stm32CubeAiGenerator.GENERATOR);
        v.put("sha256", library.identity().sha256());
        v.put("boardName", board.name());
        v.put("inputShape", Shapes.format(library.core().input().shape()));
        v.put("inputSize", Integer.toString(library.inputSize()));
        v.put("inputScale", Float.toString(library.core().inputQuantization().scale()));
        v.put(
                "inputZeroPoint",
                Integer.toString(library.core().inputQuantization().zeroPoint()));
        v.put("outputShape", Shapes.format(library.core().output().shape()));
        v.put("outputSize", Integer.toString(library.outputSize()));
        v.put("outputScale", Float.toString(library.core().outputQuantization().scale()));
        v.put(
                "outputZeroPoint",
                Integer.toString(library.core().outputQuantization().zeroPoint()));
        v.put("arenaSize", Integer.toString(library.plan().arenaBytes()));
        v.put("arenaLowerBound", Integer.toString(library.plan().lowerBound()));
        v.put("weightsSize", Long.toString(library.constantBytes()));
        v.put(
                "macs",
                String.format(
                        Locale.ROOT,
                        "%,d",
                        MacCounter.count(PreparedModel.prepare(library.core().graph()))));
        v.put("kernels", board.kernelVariant().folder());
        boolean impulse = library.impulse().isPresent();
        v.put("dspSourcesNote", impulse ? ", `edgeforge/dsp/*.c`" : "");
        v.put("dspIncludeNote", impulse ? "and `edgeforge/dsp`" : "");
        v.put(
                "dsp",
                library.impulse()
                        .map(dsp -> "The impulse's " + dsp.block().type() + " block is in `edgeforge/dsp/`:"
                                + " `ef_model_window_to_input(window, EF_MODEL_WINDOW_COUNT)` (`edgeforge/include/ef/"
                                + "ef_model.h`) turns one raw window into the network's quantized input, which is"
                                + " `data_ins[0]`; `Example/app_x-cube-ai.c` calls it in `acquire_and_process_data`.")
                        .orElse("The model was deployed without an impulse: `acquire_and_process_data` writes the"
                                + " quantized features itself."));
        return readme.render(v);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    Path target = to.resolve(from.relativize(path).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }
}
