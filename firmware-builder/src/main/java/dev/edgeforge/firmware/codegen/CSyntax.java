package dev.edgeforge.firmware.codegen;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** C spellings of values for generated sources: literals, identifiers, comment text, const tables. */
public final class CSyntax {

    private static final CodeTemplate TABLE = CodeTemplate.load("c/table.tmpl");

    private CSyntax() {
    }

    /** A float literal that reads back as exactly {@code v} (Java's shortest round-trip decimal). */
    public static String floatLiteral(float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("cannot emit a non-finite float: " + v);
        }
        return Float.toString(v) + "f";
    }

    /** An int32 literal; INT32_MIN is written as an expression because {@code -2147483648} is not an int in C. */
    public static String int32Literal(int v) {
        return v == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(v);
    }

    /** A C string literal of the UTF-8 bytes of {@code text}; anything but printable ASCII is an octal escape. */
    public static String stringLiteral(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F && c != '?') {
                out.append((char) c); // '?' is escaped below: "??x" would be a trigraph in C99
            } else {
                out.append(String.format(Locale.ROOT, "\\%03o", c));
            }
        }
        return out.append('"').toString();
    }

    /** Text safe inside a C block comment: printable ASCII, no comment terminator, one line. */
    public static String commentText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString().replace("*/", "*_/").replace("/*", "/_*");
    }

    /** A lower-case C identifier made from {@code text}: letters, digits and '_', not starting with a digit. */
    public static String identifier(String text) {
        String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
        id = id.replaceAll("^_+|_+$", "");
        if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
            id = "m_" + id;
        }
        return id;
    }

    /** {@code [n]} values as the body of an initializer, {@code perLine} per line, indented by four spaces. */
    public static String values(String[] values, int perLine) {
        // C has no empty arrays; callers that may have none emit one unused zero instead.
        String[] body = values.length == 0 ? new String[] {"0"} : values;
        StringBuilder out = new StringBuilder(body.length * 6);
        for (int i = 0; i < body.length; i++) {
            if (i % perLine == 0) {
                if (i > 0) {
                    out.append(",\n");
                }
                out.append("    ");
            } else {
                out.append(", ");
            }
            out.append(body[i]);
        }
        return out.toString();
    }

    public static String int8Values(byte[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = Integer.toString(values[i]);
        }
        return values(text, 16);
    }

    public static String int32Values(int[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = int32Literal(values[i]);
        }
        return values(text, 8);
    }

    /**
     * A const table: {@code <qualifiers> <type> <name>[<count>] = { … };}.
     *
     * @param qualifiers e.g. {@code static const} or {@code EF_ALIGNED(16) const}
     */
    public static String table(String qualifiers, String type, String name, int count, String values) {
        return TABLE.render(java.util.Map.of("qualifiers", qualifiers, "type", type, "name", name,
                "count", Integer.toString(Math.max(count, 1)), "values", values)).stripTrailing();
    }
}
