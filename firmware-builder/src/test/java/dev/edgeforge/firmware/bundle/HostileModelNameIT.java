package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.TestResources;
import dev.edgeforge.firmware.TinyInt8Model;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.template.CStringLiterals;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, item 1, as the attacker did it: a model renamed to a string that closes a C comment or string and
 * asks the assembler to {@code .include} a host file. Deployed in each of the four formats it must build cleanly,
 * show the name exactly as typed (in C string literals, the serial banner, the READMEs) and bring no byte of the
 * included file into any output.
 */
class HostileModelNameIT {

    /** Exactly the name from the issue. */
    static final String ATTACK = "\"//*/__asm__(\".include\\40\\\"/etc/hostname\\\"\");/*";

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static DeploymentBuilder builder;
    static ModelGraph model;
    /** A file whose content is valid assembly: if it were included, its marker would land in the image. */
    static Path marker;

    static String markerText;

    @BeforeAll
    static void setUp() throws IOException {
        builder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .build();
        model = TinyInt8Model.graph();
        markerText = "EF-INJECTED-" + UUID.randomUUID();
        marker = work.resolve("marker.s");
        Files.writeString(marker, ".ascii \"" + markerText + "\"\n");
    }

    /** The attack, aimed at the marker file instead of /etc/hostname. */
    static String markerAttack() {
        return ATTACK.replace("/etc/hostname", marker.toString());
    }

    @Test
    void firmwareShowsTheNameInTheBannerAndRebuildsFromItsMakefile() throws Exception {
        for (String name : List.of(ATTACK, markerAttack())) {
            BuildResult result = build(name, DeploymentFormat.FIRMWARE, BoardCatalogue.QEMU_BOARD_ID);
            Path bundle = BundleFiles.extract(result.bundle(), Files.createTempDirectory(work, "firmware"));
            assertNothingInjected(result, bundle);
            assertThat(readmeText(bundle)).contains(name);
            assertThat(bannerOf(result.firmwareElf().orElseThrow()).model()).isEqualTo(name);
            ProcessResult make = new ProcessRunner(LIMIT).run(bundle.resolve("sources"), List.of("make"));
            assertThat(make.exitCode()).as(make.output()).isZero();
            assertThat(make.output()).doesNotContain(markerText).doesNotContain("Assembler messages");
            assertThat(Files.readAllBytes(bundle.resolve("sources/build/firmware.bin")))
                    .isEqualTo(Files.readAllBytes(bundle.resolve("firmware.bin")));
        }
    }

    @Test
    void cLibraryNamesTheModelExactlyInItsInfo() throws Exception {
        for (String name : List.of(ATTACK, markerAttack())) {
            BuildResult result = build(name, DeploymentFormat.C_LIBRARY, "nucleo-f446re");
            Path bundle = BundleFiles.extract(result.bundle(), Files.createTempDirectory(work, "c-library"));
            assertNothingInjected(result, bundle);
            assertThat(readmeText(bundle)).contains(name);
            ProcessRunner runner = new ProcessRunner(LIMIT);
            ProcessResult make = runner.run(bundle, List.of("make"));
            assertThat(make.exitCode()).as(make.output()).isZero();
            Path program = bundle.resolve("print_name.c");
            Files.writeString(program, """
                    #include <stdio.h>
                    #include "ef/ef_model.h"

                    int main(void)
                    {
                        for (const char *p = ef_model_get_info()->name; *p != '\\0'; ++p) {
                            printf("%02x", (unsigned char)*p);
                        }
                        printf("\\n");
                        return 0;
                    }
                    """);
            ProcessResult compiled = runner.run(
                    bundle,
                    List.of(
                            "gcc",
                            "-std=c99",
                            "-Wall",
                            "-Iinclude",
                            "-Imodel",
                            "print_name.c",
                            "libefmodel.a",
                            "-lm",
                            "-o",
                            "print_name"));
            assertThat(compiled.exitCode()).as(compiled.output()).isZero();
            ProcessResult printed =
                    runner.run(bundle, List.of(bundle.resolve("print_name").toString()));
            assertThat(printed.output().strip()).isEqualTo(hex(name));
        }
    }

    @Test
    void stm32CubeAiKeepsTheNameAsTheOriginModelName() throws Exception {
        for (String name : List.of(ATTACK, markerAttack())) {
            BuildResult result = build(name, DeploymentFormat.STM32CUBEAI, BoardCatalogue.QEMU_BOARD_ID);
            Path bundle = BundleFiles.extract(result.bundle(), Files.createTempDirectory(work, "cube"));
            assertNothingInjected(result, bundle);
            assertThat(readmeText(bundle)).contains(name);
            assertThat(CStringLiterals.after(
                            Files.readString(bundle.resolve("App/network.h")), "#define AI_NETWORK_ORIGIN_MODEL_NAME "))
                    .singleElement()
                    .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
            // The bundle's example, linked by the builder, announces the model with that name.
            assertThat(bannerOf(result.firmwareElf().orElseThrow()).model()).isEqualTo(name);
        }
    }

    @Test
    void tflmMainIsValidCxxWithTheNameAsTheBannerName() throws Exception {
        for (String name : List.of(ATTACK, markerAttack())) {
            BuildResult result = build(name, DeploymentFormat.TFLM, BoardCatalogue.QEMU_BOARD_ID);
            Path bundle = BundleFiles.extract(result.bundle(), Files.createTempDirectory(work, "tflm"));
            assertNothingInjected(result, bundle);
            assertThat(readmeText(bundle)).contains(name);
            String main = Files.readString(bundle.resolve("main.cc"));
            assertThat(CStringLiterals.after(main, "protocol_model.name = "))
                    .singleElement()
                    .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
            ProcessResult check = new ProcessRunner(LIMIT)
                    .run(
                            bundle,
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
                                    "main.cc",
                                    "model_data.cc"));
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).isEmpty();
        }
    }

    private static BuildResult build(String name, DeploymentFormat format, String board) throws IOException {
        return builder.build(
                new BuildRequest(name, model, Optional.empty(), TinyInt8Model.LABELS, board, format, List.of()),
                Files.createTempDirectory(work, "build"),
                LIMIT);
    }

    /** No compiler message, and the marker file's text in no file of the bundle (sources, images, map). */
    private static void assertNothingInjected(BuildResult result, Path bundle) throws IOException {
        assertThat(result.compilerOutput()).as("compiler output").isEmpty();
        byte[] needle = markerText.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(indexOf(bytes, needle))
                        .as("marker in " + bundle.relativize(file))
                        .isNegative();
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertThat(text).as(bundle.relativize(file).toString()).doesNotContain("Assembler messages");
            }
        }
        if (result.firmwareElf().isPresent()) {
            assertThat(indexOf(Files.readAllBytes(result.firmwareElf().get()), needle))
                    .as("marker in the ELF")
                    .isNegative();
        }
    }

    private static DeviceBanner bannerOf(Path elf) {
        try (QemuSession session =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(1)).build().start(elf)) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(30));
            DeviceBanner banner = client.awaitReady();
            client.quit();
            return banner;
        }
    }

    /** The README as a reader sees it: the Markdown rendered to plain text. */
    private static String readmeText(Path bundle) throws IOException {
        List<Extension> extensions = List.of(TablesExtension.create());
        Node document =
                Parser.builder().extensions(extensions).build().parse(Files.readString(bundle.resolve("README.md")));
        return TextContentRenderer.builder().extensions(extensions).build().render(document);
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
