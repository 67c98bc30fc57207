package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.firmware.template.CodeTemplate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Which model generated code comes from: a name for people and the SHA-256 of the model's TFLite flatbuffer (as
 * {@link TfliteWriter} writes it), which identifies the exact weights.
 *
 * <p>The name is free text, kept exactly as typed: templates escape it wherever it is shown (see
 * {@code dev.edgeforge.firmware.template.TextContext}); only what C strings cannot hold is refused.
 *
 * @param name   the model's name, 1 to {@value #MAX_NAME_LENGTH} characters, no NUL
 * @param sha256 64 lower-case hex digits
 */
public record ModelIdentity(String name, String sha256) {

    /** As long as the platform lets a model's name be. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final CodeTemplate C_BANNER = CodeTemplate.load("banner/c.tmpl");
    private static final CodeTemplate CXX_BANNER = CodeTemplate.load("banner/cxx.tmpl");

    /** @throws UnsupportedModelException when the name is empty, too long or holds a NUL character */
    public ModelIdentity {
        requireCText("the model name", name);
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new UnsupportedModelException(
                    "the model name must have 1 to " + MAX_NAME_LENGTH + " characters, this one has " + name.length());
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }

    /** The identity of {@code graph}; a missing or blank name becomes {@code model}. */
    public static ModelIdentity of(String name, ModelGraph graph) {
        return new ModelIdentity(
                name == null || name.isBlank() ? "model" : name, sha256(new TfliteWriter().write(graph)));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Text the device keeps in a C string (a name, a label): anything but NUL, which would end the string early.
     *
     * @throws UnsupportedModelException naming {@code what} otherwise
     */
    public static void requireCText(String what, String text) {
        if (text == null) {
            throw new UnsupportedModelException(what + " is missing");
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnsupportedModelException(what + " contains a NUL character, which a C string cannot hold");
        }
    }

    /** {@link #requireCText} for every label, naming it by its index. */
    public static void requireCText(List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            requireCText("label " + i, labels.get(i));
        }
    }

    /** The first line of every generated C file: a block comment naming the generator and the model. */
    public String banner(String generator) {
        return render(C_BANNER, generator);
    }

    /** {@link #banner} as a C++ line comment. */
    public String cxxBanner(String generator) {
        return render(CXX_BANNER, generator);
    }

    private String render(CodeTemplate template, String generator) {
        return template.render(Map.of("generator", generator, "modelName", name, "sha256", sha256))
                .stripTrailing();
    }
}
