package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.jobs.board.Board;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code Example/} folder of an {@code stm32cubeai} bundle: the bundle's {@code App/app_x-cube-ai.c} with its
 * USER CODE sections filled for EdgeForge's serial protocol ({@link CubeMxUserCode}, so the rest of the file is the
 * template's, byte for byte), a CubeMX-style {@code main.c}/{@code main.h}, the board support and a {@code Makefile}
 * that builds the image from the bundle's {@code App/}, {@code Lib/} and {@code edgeforge/} as shipped. The
 * deployment builds its image with that Makefile, so the image it verifies is the one a user builds.
 */
public final class CubeAiExample {

    private static final String ROOT = "stm32cubeai/example/";

    private final FirmwareSources sources;

    public CubeAiExample(FirmwareSources sources) {
        this.sources = sources;
    }

    /**
     * Writes the example into {@code directory} (the bundle's {@code Example/}).
     *
     * @param applicationTemplate the text of the bundle's {@code App/app_x-cube-ai.c}
     */
    public void generate(GeneratedLibrary library, Board board, String applicationTemplate, Path directory) {
        ModelIdentity identity = library.identity();
        String banner = identity.banner(Stm32CubeAiGenerator.GENERATOR);
        boolean impulse = library.impulse().isPresent();

        Map<String, String> header = new LinkedHashMap<>();
        header.put("modelName", identity.name());
        header.put("boardName", board.name());
        header.put(
                "windowCommand",
                impulse
                        ? ", `window <hex>` a raw window, which acquire_and_process_data runs through the impulse's"
                                + " DSP block"
                        : "");
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("header", load("user_header.tmpl").render(header));
        sections.put("includes", load("user_includes.tmpl").text());
        sections.put("log", load("user_log.tmpl").text());
        sections.put("2", load("user_2.tmpl").render(section2(library)));
        sections.put("5", load("user_5.tmpl").text());
        sections.put(
                "6",
                load("user_6.tmpl")
                        .render(Map.of(
                                "windowFields",
                                impulse ? load("window_fields.tmpl").text().stripTrailing() : "")));
        write(directory.resolve("app_x-cube-ai.c"), CubeMxUserCode.fill(applicationTemplate, sections));

        write(directory.resolve("main.h"), load("main.h.tmpl").render(Map.of("banner", banner)));
        write(
                directory.resolve("main.c"),
                load("main.c.tmpl").render(Map.of("banner", banner, "boardName", board.name())));

        write(directory.resolve("syscalls.c"), load("syscalls.c.tmpl").render(Map.of("banner", banner)));
        copyTree(sources.boardCommonDirectory(), directory.resolve("boards/common"));
        copyTree(sources.boardDirectory(board), directory.resolve("boards/" + board.id()));
        copyFile(sources.protocolDocument(), directory.resolve("PROTOCOL.md"));

        Map<String, String> m = new LinkedHashMap<>();
        m.put("modelName", identity.name());
        m.put("boardName", board.name());
        m.put("boardId", board.id());
        m.put("generator", Stm32CubeAiGenerator.GENERATOR);
        m.put(
                "qemuLine",
                board.qemuMachine()
                        .map(machine -> "#   qemu-system-arm -M " + machine
                                + " -nographic -no-reboot -icount shift=0 -kernel build/firmware.elf"
                                + "   runs it in QEMU\n")
                        .orElse(""));
        m.put("cpuFlags", String.join(" ", board.compilerFlags()));
        m.put("kernels", board.kernelVariant().folder());
        m.put("dspInclude", impulse ? "-I$(EF)/dsp" : "");
        m.put(
                "dspSources",
                library.dspSources().stream()
                        .map(source -> "$(EF)/" + source.toString().replace('\\', '/'))
                        .collect(Collectors.joining(" ")));
        write(directory.resolve("Makefile"), load("Makefile.tmpl").render(m));
    }

    private static Map<String, String> section2(GeneratedLibrary library) {
        Map<String, String> v = new LinkedHashMap<>();
        if (library.impulse().isEmpty()) {
            v.put("windowState", "");
            v.put("acquire", load("acquire_run.tmpl").text().stripTrailing());
            v.put("windowSteps", "");
            return v;
        }
        ImpulseDsp dsp = library.impulse().get();
        v.put(
                "windowState",
                load("window_state.tmpl")
                                .render(Map.of(
                                        "windowDescription",
                                        dsp.image() ? "a camera frame" : "a time series, axes interleaved"))
                                .stripTrailing()
                        + "\n\n");
        v.put(
                "acquire",
                load("acquire_window.tmpl")
                        .render(Map.of("dspBlock", dsp.block().type()))
                        .stripTrailing());
        v.put("windowSteps", load("window_steps.tmpl").text().stripTrailing());
        return v;
    }

    private static CodeTemplate load(String name) {
        return CodeTemplate.load(ROOT + name);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(from)) {
            files = paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
        files.forEach(file -> copyFile(file, to.resolve(from.relativize(file).toString())));
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
