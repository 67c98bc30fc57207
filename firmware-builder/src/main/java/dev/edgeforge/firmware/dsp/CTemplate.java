package dev.edgeforge.firmware.dsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C source template from this package's resources with {@code {{name}}} placeholders. Rendering fails if a
 * placeholder has no value or a value has no placeholder, so a template and its generator cannot drift apart
 * silently.
 */
final class CTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private final String name;
    private final String text;

    private CTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static CTemplate load(String resource) {
        try (InputStream in = CTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the classpath");
            }
            return new CTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    /** The text with every placeholder replaced, trailing whitespace removed. */
    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
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
            java.util.Set<String> unused = new java.util.TreeSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalStateException("template " + name + " has no placeholder for " + unused);
        }
        return out.toString().stripTrailing();
    }
}
