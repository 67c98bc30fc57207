package dev.edgeforge.firmware.template;

import java.util.Map;

/**
 * C spellings of generator-made values for templates: number literals and const tables. (Text for people is not
 * spelled here: templates escape it through their {@link TextContext}.)
 */
public final class CSyntax {

    private static final CodeTemplate TABLE = CodeTemplate.load("c/table.tmpl");
    /** Values per line of the DSP blocks' float and uint16 tables. */
    private static final int TABLE_VALUES_PER_LINE = 8;

    private CSyntax() {}

    /** A float literal that reads back as exactly {@code v} (Java's shortest round-trip decimal). */
    public static String floatLiteral(float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("cannot emit a non-finite float: " + v);
        }
        return Float.toString(v) + "f";
    }

    /** {@code v} rounded to float32, as a float literal. */
    public static String floatLiteral(double v) {
        float x = (float) v;
        if (!Float.isFinite(x)) {
            throw new IllegalArgumentException("cannot emit a non-finite float: " + v);
        }
        return floatLiteral(x);
    }

    /** An int32 literal; INT32_MIN is written as an expression because {@code -2147483648} is not an int in C. */
    public static String int32Literal(int v) {
        return v == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(v);
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
        return TABLE.render(Map.of(
                        "qualifiers",
                        qualifiers,
                        "type",
                        type,
                        "symbol",
                        name,
                        "count",
                        Integer.toString(Math.max(count, 1)),
                        "values",
                        values))
                .stripTrailing();
    }

    /** {@code static const float <name>[n]}, each value rounded to float32. */
    public static String floatTable(String name, double[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = floatLiteral(values[i]);
        }
        return table("static const", "float", name, text.length, values(text, TABLE_VALUES_PER_LINE));
    }

    /** {@code static const float <name>[n]}. */
    public static String floatTable(String name, float[] values) {
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return floatTable(name, widened);
    }

    /** {@code static const uint16_t <name>[n]}. */
    public static String uint16Table(String name, int[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " does not fit in uint16");
            }
            text[i] = values[i] + "u";
        }
        return table("static const", "uint16_t", name, text.length, values(text, TABLE_VALUES_PER_LINE));
    }
}
