package dev.edgeforge.firmware.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template from the classpath folder {@code templates/}: generated C, C++, Makefiles and READMEs are written
 * from these files, never assembled by string concatenation in Java. Two kinds of placeholder:
 * <ul>
 * <li>{@code {{key}}} takes generator-made code (numbers, tables, identifiers the generator chose, other rendered
 * templates) and inserts it as it is;</li>
 * <li>{@code {{key:context}}} takes text for people (a model name, a label, a description) and inserts it escaped
 * for its {@link TextContext}, e.g. {@code {{modelName:c-string}}} or {@code {{modelName:markdown}}}.</li>
 * </ul>
 * A key is code or text in a template, never both. Rendering fails when a placeholder has no value or a value has no
 * placeholder, so a template and its generator cannot drift apart silently.
 */
public final class CodeTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)(?::([a-z-]+))?}}");

    /**
     * One placeholder of a template.
     *
     * @param key     the value's name
     * @param context how text is escaped there; empty for code
     */
    public record Placeholder(String key, Optional<TextContext> context) {}

    private final String name;
    private final String text;
    private final List<Placeholder> placeholders;

    private CodeTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        this.placeholders = parse(name, text);
    }

    /**
     * @param path below {@code templates/}, e.g. {@code c-library/model.c.tmpl}
     * @throws IllegalStateException when the template is not on the classpath or mixes a key's kinds
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

    /** A template from a string (tests, and text built elsewhere); {@code name} is for messages. */
    public static CodeTemplate of(String name, String text) {
        return new CodeTemplate(name, text);
    }

    private static List<Placeholder> parse(String name, String text) {
        List<Placeholder> found = new ArrayList<>();
        Map<String, Boolean> isText = new HashMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            Optional<TextContext> context;
            try {
                context = Optional.ofNullable(m.group(2)).map(TextContext::byId);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
            }
            Boolean before = isText.put(key, context.isPresent());
            if (before != null && before != context.isPresent()) {
                throw new IllegalStateException("template " + name + " uses {{" + key + "}} both as code and as"
                        + " text: text for people always needs a context, e.g. {{" + key + ":c-comment}}");
            }
            found.add(new Placeholder(key, context));
        }
        return List.copyOf(found);
    }

    /** Where the template came from, e.g. {@code c-library/model.c.tmpl}. */
    public String name() {
        return name;
    }

    /** Every placeholder, in the order they appear (repeats included). */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /** The template's text as it is (for files copied without placeholders). */
    public String text() {
        return text;
    }

    /**
     * The text with every placeholder replaced: code as given, text escaped for its context. Trailing whitespace of
     * lines and of the result is removed, one newline added.
     *
     * @param values code for {@code {{key}}}, raw text for {@code {{key:context}}}
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        Set<String> used = new HashSet<>();
        int index = 0;
        while (m.find()) {
            Placeholder placeholder = placeholders.get(index++);
            String value = values.get(placeholder.key());
            if (value == null) {
                throw new IllegalStateException(
                        "template " + name + " needs a value for {{" + placeholder.key() + "}}");
            }
            used.add(placeholder.key());
            String shown =
                    placeholder.context().map(context -> context.escape(value)).orElse(value);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
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
