package dev.edgeforge.firmware.bundle;

import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.model.Shapes;
import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.codegen.MacCounter;
import dev.edgeforge.firmware.codegen.Stm32CubeAiGenerator;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code stm32cubeai} bundle: the X-CUBE-AI-compatible API ({@code App/}, {@code Inc/}, {@code Lib/}) over the
 * compiled model ({@code edgeforge/}, generated with an application-owned arena), an example application, and the
 * memory report of that example linked for the board.
 */
final class CubeAiBundler {

    private final FirmwareSources sources;
    private final FirmwareCompiler compiler;
    private final MemoryReports memoryReports = new MemoryReports();
    private final CodeTemplate readme = CodeTemplate.load("stm32cubeai/README.md.tmpl");

    CubeAiBundler(FirmwareSources sources, FirmwareCompiler compiler) {
        this.sources = sources;
        this.compiler = compiler;
    }

    DeploymentBuilder.Produced bundle(Board board, GeneratedLibrary library, Path directory, BundleWriter writer) {
        Stm32CubeAiGenerator.CubeAiSources cube =
                new Stm32CubeAiGenerator().generate(library, directory.resolve("stm32cubeai"));
        Path example = directory.resolve("example/app_x-cube-ai.c");
        writeExample(example);
        List<Path> applicationSources = new ArrayList<>(library.applicationSources());
        applicationSources.addAll(cube.sources());
        applicationSources.add(example);
        List<Path> includes = new ArrayList<>(cube.includeDirectories());
        includes.addAll(library.includeDirectories());
        FirmwareImage image = compiler.build(directory.resolve("image"), board, sources, applicationSources, includes);
        MemoryReport memory = MemoryReports.of(board, library, Optional.of(image));

        writer.copyTree(cube.root(), ".");
        writer.copyTree(library.root(), "edgeforge");
        writer.copyFile(example, "Example/app_x-cube-ai.c");
        writer.writeText(
                "MEMORY.md", memoryReports.markdown(memory, library.identity().name(), board));
        writer.writeText("README.md", readme(board, library));
        return new DeploymentBuilder.Produced(writer, Optional.of(image.elf()), memory, image.compilerOutput());
    }

    private static void writeExample(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    CodeTemplate.load("stm32cubeai/static/app_x-cube-ai.c").text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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
        return readme.render(v);
    }
}
