package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.TinyInt8Model;
import dev.edgeforge.firmware.template.CStringLiterals;
import dev.edgeforge.firmware.template.HostileStrings;
import dev.edgeforge.firmware.toolchain.CompileRequest;
import dev.edgeforge.firmware.toolchain.CompileResult;
import dev.edgeforge.firmware.toolchain.CompilerFlags;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.GccCompiler;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Every generator with hostile text in every place a user's text reaches (model name, labels, processing block
 * name, test window label): the c-library compiles warning-free with gcc and its API returns the name, labels and
 * block type byte for byte; the firmware's main.c, the X-CUBE-AI network files and the TFLM main.cc pass
 * arm-none-eabi-gcc/g++ and gcc with every warning an error and carry the exact name; make parses the Makefiles;
 * the READMEs render the name as typed. Few tries: each one compiles a library.
 */
class HostileNamesGeneratorIT {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final List<Extension> MARKDOWN = List.of(TablesExtension.create());

    static Path work;
    static FirmwareSources sources;

    @BeforeContainer
    static void extract() throws IOException {
        work = Files.createTempDirectory("hostile-names");
        sources = FirmwareSources.extractFromClasspath(work.resolve("c"));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Provide
    Arbitrary<String> names() {
        return HostileStrings.hostileCText(14).filter(text -> !text.isBlank() && text.length() <= 200);
    }

    @Provide
    Arbitrary<List<String>> labels() {
        return HostileStrings.hostileCText(6).list().ofSize(3);
    }

    @Property(tries = 4)
    void everyFormatCompilesAndShowsTheTextExactly(
            @ForAll("names") String name, @ForAll("labels") List<String> labels, @ForAll("names") String blockName)
            throws IOException {
        Path directory = Files.createTempDirectory(work, "try");
        Impulse impulse = new Impulse(
                1,
                new TimeSeriesInput(1000, 1000, 4, false),
                List.of(new ProcessingBlock(1, blockName, List.of("x", "y"), new RawParams(1.0))),
                List.of(new LearningBlockRef("classification", "NN", List.of(1), null)));
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(
                        new CLibraryRequest(name, TinyInt8Model.graph(), labels, Optional.of(impulse)),
                        directory.resolve("lib"));
        assertThat(library.identity().name()).isEqualTo(name);
        cLibraryReportsTheTextExactly(library, name, labels, directory);

        Board qemu = BoardCatalogue.standard().byId(BoardCatalogue.QEMU_BOARD_ID);
        TestWindow boot = TestWindow.raw(new float[8], labels.get(1));
        Path main = new FirmwareApplication().generate(library, qemu, Optional.of(boot), directory.resolve("app"));
        assertThat(CStringLiterals.after(Files.readString(main), ".name = "))
                .singleElement()
                .isEqualTo(bytes(name));
        List<String> check = new ArrayList<>(List.of("arm-none-eabi-gcc", "-fsyntax-only"));
        check.addAll(CompilerFlags.FIRMWARE);
        check.addAll(qemu.compilerFlags());
        check.addAll(List.of("-Werror", "-I" + sources.boardCommonDirectory()));
        library.includeDirectories().forEach(include -> check.add("-I" + include));
        check.add(main.toString());
        assertClean(directory, check);

        TflmProjectGenerator.TflmProject tflm =
                new TflmProjectGenerator(sources).generate(library, qemu, Optional.of(boot), directory.resolve("tflm"));
        assertThat(CStringLiterals.after(
                        Files.readString(tflm.directory().resolve("main.cc")), "protocol_model.name = "))
                .singleElement()
                .isEqualTo(bytes(name));
        assertClean(
                tflm.directory(),
                List.of(
                        "arm-none-eabi-g++",
                        "-std=c++17",
                        "-mcpu=cortex-m4",
                        "-mthumb",
                        "-mfpu=fpv4-sp-d16",
                        "-mfloat-abi=hard",
                        "-Wall",
                        "-Wextra",
                        "-Werror",
                        "-fsyntax-only",
                        "-I" + TestResources.path("tflm-stub"),
                        "-I.",
                        "-Iinclude",
                        "-Iboards/common",
                        "-Idsp",
                        "main.cc",
                        "model_data.cc"));
        assertMakeParses(tflm.directory());
        assertThat(readmeText(tflm.directory())).contains(readable(name));

        GeneratedLibrary applicationArena = new CLibraryGenerator(sources)
                .generate(
                        new CLibraryRequest(
                                name,
                                TinyInt8Model.graph(),
                                labels,
                                Optional.empty(),
                                CLibraryRequest.ArenaOwner.APPLICATION),
                        directory.resolve("cube-lib"));
        Stm32CubeAiGenerator.CubeAiSources cube =
                new Stm32CubeAiGenerator().generate(applicationArena, directory.resolve("cube"));
        assertThat(CStringLiterals.after(
                        Files.readString(cube.root().resolve("App/network.h")),
                        "#define AI_NETWORK_ORIGIN_MODEL_NAME "))
                .singleElement()
                .isEqualTo(bytes(name));
        List<String> cubeCheck = new ArrayList<>(List.of("arm-none-eabi-gcc", "-fsyntax-only", "-Werror"));
        cubeCheck.addAll(CompilerFlags.FIRMWARE);
        cubeCheck.addAll(qemu.compilerFlags());
        cube.includeDirectories().forEach(include -> cubeCheck.add("-I" + include));
        applicationArena.includeDirectories().forEach(include -> cubeCheck.add("-I" + include));
        cube.sources().forEach(source -> cubeCheck.add(source.toString()));
        assertClean(directory, cubeCheck);
    }

    /** Built on the host with the library's own sources; a small program prints what the API returns. */
    private static void cLibraryReportsTheTextExactly(
            GeneratedLibrary library, String name, List<String> labels, Path directory) throws IOException {
        Path program = Files.writeString(directory.resolve("print_info.c"), """
                #include <stdio.h>
                #include "ef/ef_model.h"

                static void hex(const char *text)
                {
                    for (const char *p = text; *p != '\\0'; ++p) {
                        printf("%02x", (unsigned)(unsigned char)*p);
                    }
                    printf("\\n");
                }

                int main(void)
                {
                    const ef_model_info *info = ef_model_get_info();
                    hex(info->name);
                    for (int i = 0; i < info->label_count; ++i) {
                        hex(info->labels[i]);
                    }
                    hex(info->dsp_block);
                    return 0;
                }
                """);
        ProcessRunner runner = new ProcessRunner(LIMIT);
        CompileResult compiled = new GccCompiler(Toolchain.hostGcc(), runner)
                .compile(
                        directory.resolve("host"),
                        CompileRequest.builder()
                                .setOutputName("print_info")
                                .addSource(program)
                                .addSources(library.allSources(KernelVariant.REFERENCE))
                                .addIncludeDirectories(library.includeDirectories())
                                .addFlags(CompilerFlags.HOST)
                                .addFlags(List.of("-Werror"))
                                .addLibrary("m")
                                .build());
        assertThat(compiled.compilerOutput()).as("compiler warnings").isEmpty();
        ProcessResult printed =
                runner.run(directory, List.of(compiled.executable().toString()));
        List<String> expected = new ArrayList<>();
        expected.add(HexFormat.of().formatHex(bytes(name)));
        labels.forEach(label -> expected.add(HexFormat.of().formatHex(bytes(label))));
        expected.add(HexFormat.of().formatHex(bytes("raw")));
        assertThat(printed.output().lines().toList()).isEqualTo(expected);
        assertMakeParses(library.root());
        String readme = readmeText(library.root());
        assertThat(readme).contains(readable(name));
        labels.forEach(label -> assertThat(readme).contains(readable(label)));
    }

    private static void assertClean(Path directory, List<String> command) {
        ProcessResult result = new ProcessRunner(LIMIT).run(directory, command);
        assertThat(result.exitCode())
                .as(String.join(" ", command) + "\n" + result.output())
                .isZero();
        assertThat(result.output()).as("warnings of " + command.get(0)).isEmpty();
    }

    /** make reads the whole Makefile (a syntax error would stop it) and only prints what clean would run. */
    private static void assertMakeParses(Path directory) {
        ProcessResult make =
                new ProcessRunner(LIMIT).run(directory, List.of("make", "-n", "clean", "TFLM_DIR=/nonexistent"));
        assertThat(make.exitCode()).as(make.output()).isZero();
        assertThat(make.output()).startsWith("rm -rf build");
    }

    private static String readmeText(Path directory) throws IOException {
        return TextContentRenderer.builder()
                .extensions(MARKDOWN)
                .build()
                .render(Parser.builder()
                        .extensions(MARKDOWN)
                        .build()
                        .parse(Files.readString(directory.resolve("README.md"))));
    }

    /** The text as a Markdown reader shows it: a lone surrogate (no character at all) as U+FFFD. */
    private static String readable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(Character.getType(c) == Character.SURROGATE ? 0xFFFD : c));
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
