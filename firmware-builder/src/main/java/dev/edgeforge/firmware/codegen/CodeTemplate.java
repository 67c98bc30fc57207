package dev.edgeforge.firmware.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template from the classpath folder {@code templates/} with {@code {{name}}} placeholders: generated C,
 * Makefiles and READMEs are written from these files, never assembled by string concatenation in Java. Rendering
 * fails when a placeholder has no value or a value has no placeholder, so a template and its generator cannot drift
 * apart silently.
 */
public final class CodeTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private final String name;
    private final String text;

    private CodeTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * @param path below {@code templates/}, e.g. {@code c-library/model.c.tmpl}
     * @throws IllegalStateException when the template is not on the classpath
     */
    public static CodeTemplate load(String path) {
        String resource = "templates/" + path;
        try (InputStream in = CodeTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the classpath");
            }
            return new CodeTemplate(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    /** The template's text as it is (for files copied without placeholders). */
    public String text() {
        return text;
    }

    /** The text with every placeholder replaced; trailing whitespace of the result is removed, one newline added. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("template " + name + " needs a value for {{" + key + "}}");
            }
            used.add(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            Set<String> unused = new TreeSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalStateException("template " + name + " has no placeholder for " + unused);
        }
        return stripTrailingSpaces(out) + "\n";
    }

    private static String stripTrailingSpaces(CharSequence text) {
        // Empty placeholders leave spaces at line ends; generated files stay clean for diff and review.
        return text.toString().replaceAll("[ \\t]+(?=\\n)", "").stripTrailing();
    }
}
