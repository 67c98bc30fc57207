package dev.edgeforge.firmware.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The escapes of {@link TextContext} as the real tools read them: batches of hostile strings rendered through
 * {@link CodeTemplate} into block comments, line comments and string literals of one translation unit, compiled by
 * gcc as C99 (trigraphs on) and by g++ as C++11 and C++17 with every warning an error, then run: each program prints
 * every string's bytes, which must be exactly the text's UTF-8. And into Makefile comments, which GNU make must read
 * as comments, expanding nothing.
 */
class HostileTextCompileIT {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final int BATCH = 150;

    private static final CodeTemplate C_ENTRY = CodeTemplate.of("c-entry", """
            /* hostile text {{index}}: '{{text:c-comment}}' */
            // hostile text {{index}}: '{{text:c-comment}}'
            static const char text_{{index}}[] = {{text:c-string}}; // '{{text:c-comment}}'
            """);
    private static final CodeTemplate C_MAIN = CodeTemplate.of("c-main", """
            #include <stdio.h>

            {{entries}}

            static const char *const texts[] = { {{names}} };
            static const unsigned long sizes[] = { {{sizes}} };

            int main(void)
            {
                for (unsigned long i = 0; i < sizeof sizes / sizeof sizes[0]; ++i) {
                    for (unsigned long k = 0; k < sizes[i]; ++k) {
                        printf("%02x", (unsigned)(unsigned char)texts[i][k]);
                    }
                    printf("\\n");
                }
                return 0;
            }
            """);
    /** Each comment line is followed by a rule: a comment that swallowed the next line would lose a target. */
    private static final CodeTemplate MAKEFILE_ENTRY = CodeTemplate.of("makefile-entry", """
            # hostile text {{index}}: '{{text:makefile-comment}}'
            # {{text:makefile-comment}}
            t{{index}}:
            \t@echo {{index}}
            """);

    @Provide
    Arbitrary<List<String>> batches() {
        return HostileStrings.hostile(16).list().ofSize(BATCH);
    }

    @Property(tries = 3)
    void gccAndGxxReadEveryStringBackExactlyAndEveryCommentAsAComment(@ForAll("batches") List<String> texts)
            throws IOException {
        Path directory = Files.createTempDirectory("hostile-c");
        List<String> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            entries.add(C_ENTRY.render(Map.of("index", Integer.toString(i), "text", texts.get(i)))
                    .stripTrailing());
            names.add("text_" + i);
            sizes.add("sizeof text_" + i + " - 1");
        }
        Path source = directory.resolve("hostile.c");
        Files.writeString(
                source,
                C_MAIN.render(Map.of(
                        "entries",
                        String.join("\n", entries),
                        "names",
                        String.join(", ", names),
                        "sizes",
                        String.join(", ", sizes))));
        List<String> expected = texts.stream()
                .map(text -> HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)))
                .toList();

        ProcessRunner runner = new ProcessRunner(LIMIT);
        for (List<String> compiler : List.of(
                List.of("gcc", "-std=c99", "-pedantic"),
                List.of("g++", "-std=c++11", "-x", "c++"),
                List.of("g++", "-std=c++17", "-x", "c++"))) {
            List<String> command = new ArrayList<>(compiler);
            command.addAll(List.of(
                    "-Wall",
                    "-Wextra",
                    "-Werror",
                    "-Wtrigraphs",
                    "-Wcomment",
                    source.toString(),
                    "-o",
                    directory.resolve("hostile").toString()));
            ProcessResult compiled = runner.run(directory, command);
            assertThat(compiled.exitCode())
                    .as(String.join(" ", compiler) + "\n" + compiled.output())
                    .isZero();
            assertThat(compiled.output())
                    .as("warnings of " + String.join(" ", compiler))
                    .isEmpty();
            ProcessResult run =
                    runner.run(directory, List.of(directory.resolve("hostile").toString()));
            assertThat(run.output().lines().toList())
                    .as(String.join(" ", compiler))
                    .isEqualTo(expected);
        }
        deleteTree(directory);
    }

    @Property(tries = 3)
    void makeReadsEveryCommentAsACommentAndExpandsNothing(@ForAll("batches") List<String> texts) throws IOException {
        Path directory = Files.createTempDirectory("hostile-make");
        StringBuilder makefile = new StringBuilder("all:");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            makefile.append(" t").append(i);
            expected.append(i).append('\n');
        }
        makefile.append("\n");
        for (int i = 0; i < texts.size(); i++) {
            makefile.append(MAKEFILE_ENTRY.render(Map.of("index", Integer.toString(i), "text", texts.get(i))));
        }
        Files.writeString(directory.resolve("Makefile"), makefile);
        ProcessResult make = new ProcessRunner(LIMIT).run(directory, List.of("make", "--no-print-directory"));
        assertThat(make.exitCode()).as(make.output()).isZero();
        assertThat(make.output()).isEqualTo(expected.toString());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("nothing created")
                    .containsExactly("Makefile");
        }
        deleteTree(directory);
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
