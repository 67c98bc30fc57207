package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.WindowSample;
import dev.edgeforge.firmware.template.CSyntax;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.jobs.board.Board;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code main.c} of a ready-to-flash image: initialises the board and the compiled model, runs the built-in test
 * window at boot (through the impulse when it is a raw window) and prints the result, then serves the serial line
 * protocol ({@code boards/PROTOCOL.md}): {@code run} for int8 input tensors and, with an impulse, {@code window}
 * for raw windows. Written from {@code templates/firmware/}.
 */
public final class FirmwareApplication {

    /** Written into the generated main.c; part of the build cache key. */
    public static final String GENERATOR = "firmware application generator 1.1";

    /** The largest int8 boot input a deployment stores in the image; larger ones are generated at boot. */
    public static final int STORED_BOOT_INPUT_BYTES = 1024;

    /** The seed deployments generate their boot input from ({@link #generatedInput}). */
    public static final int GENERATED_BOOT_SEED = 0x2545F491;

    private final CodeTemplate main = CodeTemplate.load("firmware/main.c.tmpl");
    private final CodeTemplate classify = CodeTemplate.load("firmware/classify.c.tmpl");
    private final CodeTemplate windowFields = CodeTemplate.load("firmware/window_fields.c.tmpl");
    private final CodeTemplate bootWindow = CodeTemplate.load("firmware/boot_window.c.tmpl");
    private final CodeTemplate bootInput = CodeTemplate.load("firmware/boot_input.c.tmpl");
    private final CodeTemplate bootGenerated = CodeTemplate.load("firmware/boot_generated.c.tmpl");

    /**
     * Writes {@code main.c} into {@code directory}.
     *
     * @param boot the built-in test window; a raw one needs a library with an impulse
     * @return the written file
     */
    public Path generate(GeneratedLibrary library, Board board, Optional<TestWindow> boot, Path directory) {
        Map<String, String> v = common(library, board);
        if (boot.isEmpty()) {
            v.put("bootDescription", "no test result (built without a test window)");
            v.put("bootData", "/* No built-in test window. */");
            v.put("serve", "ef_protocol_serve(&model, 0)");
        } else if (boot.get().kind() == TestWindow.Kind.RAW) {
            if (library.impulse().isEmpty()) {
                throw new IllegalArgumentException("a raw boot window needs a library generated with an impulse");
            }
            ImpulseDsp dsp = library.impulse().get();
            float[] values = boot.get().values();
            if (values.length != dsp.windowCount()) {
                throw new IllegalArgumentException("the raw boot window has " + values.length + " values, the"
                        + " impulse takes " + dsp.windowCount());
            }
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = switch (dsp.sample()) {
                    case UINT8 -> Integer.toString(rgbValue(values[i]));
                    case INT16 -> Integer.toString(WindowSample.int16(values[i]));
                    case FLOAT32 -> CSyntax.floatLiteral(values[i]);
                };
            }
            v.put("bootDescription", "the result of its built-in raw test window through the impulse");
            v.put(
                    "bootData",
                    bootWindow
                            .render(Map.of(
                                    "description",
                                    description(boot.get()),
                                    "values",
                                    CSyntax.values(text, dsp.sample() == WindowSample.FLOAT32 ? 8 : 16)))
                            .stripTrailing());
            v.put("serve", "ef_protocol_serve_boot_window(&model, (const uint8_t *)boot_window)");
        } else {
            byte[] input = InputQuantizer.of(library).int8Input(boot.get());
            v.put("bootDescription", "the result of its built-in test input");
            v.put(
                    "bootData",
                    bootInput
                            .render(Map.of("description", description(boot.get()), "values", CSyntax.int8Values(input)))
                            .stripTrailing());
            v.put("serve", "ef_protocol_serve(&model, boot_input)");
        }
        return write(v, directory);
    }

    /**
     * Writes a {@code main.c} whose boot test runs the model on an input it generates ({@link #generatedInput}) rather
     * than on a stored window, so that a large input costs no flash: what a deployment builds in when its test window
     * is larger than {@link #STORED_BOOT_INPUT_BYTES}.
     *
     * @param seed the generator's start (not 0)
     * @return the written file
     */
    public Path generateWithGeneratedInput(GeneratedLibrary library, Board board, int seed, Path directory) {
        if (seed == 0) {
            throw new IllegalArgumentException("xorshift32 needs a seed other than 0");
        }
        Map<String, String> v = common(library, board);
        v.put("bootDescription", "the result of an input it generates at boot");
        String seedText = Integer.toUnsignedString(seed);
        v.put(
                "bootData",
                bootGenerated
                        .render(Map.of("description", "xorshift32, seed " + seedText, "seed", seedText))
                        .stripTrailing());
        v.put("serve", "ef_protocol_serve(&model, boot_input())");
        return write(v, directory);
    }

    /**
     * The int8 input an image built by {@link #generateWithGeneratedInput} classifies at boot: xorshift32
     * ({@code x ^= x << 13; x ^= x >>> 17; x ^= x << 5}) from {@code seed}, the top byte of each step.
     */
    public static byte[] generatedInput(int size, int seed) {
        byte[] input = new byte[size];
        int x = seed;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            input[i] = (byte) (x >>> 24);
        }
        return input;
    }

    private Map<String, String> common(GeneratedLibrary library, Board board) {
        boolean impulse = library.impulse().isPresent();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("banner", library.identity().banner(GENERATOR));
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put("windowCommand", impulse ? " and `window <hex>` a raw window through the impulse" : "");
        v.put("classify", impulse ? classify.render(Map.of()).stripTrailing() : "");
        v.put("windowFields", impulse ? windowFields.render(Map.of()).stripTrailing() : "");
        v.put("modelName", library.identity().name());
        return v;
    }

    private Path write(Map<String, String> v, Path directory) {
        Path file = directory.resolve("main.c");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, main.render(v), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** The application's sources: the library's (without kernels) and main.c. */
    public static List<Path> sources(GeneratedLibrary library, Path mainSource) {
        List<Path> sources = new ArrayList<>(library.applicationSources());
        sources.add(mainSource);
        return sources;
    }

    private static String description(TestWindow window) {
        return window.kind().name().toLowerCase(Locale.ROOT)
                + window.label().map(label -> ", label '" + label + "'").orElse("");
    }

    private static int rgbValue(float value) {
        if (!(value >= 0 && value <= 255) || value != Math.rint(value)) {
            throw new IllegalArgumentException("a camera frame's byte must be a whole number 0..255, got " + value);
        }
        return (int) value;
    }
}
