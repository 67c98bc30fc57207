package dev.edgeforge.firmware.dsp;

import java.util.Map;
import java.util.StringJoiner;

/** C spellings of numbers and const tables for generated sources. */
final class CLiterals {

    private static final int VALUES_PER_LINE = 8;
    private static final CTemplate TABLE = CTemplate.load("table.tmpl");

    private CLiterals() {
    }

    /** A float literal that reads back as exactly {@code v} (Java's shortest round-trip decimal). */
    static String f(double v) {
        float x = (float) v;
        if (!Float.isFinite(x)) {
            throw new IllegalArgumentException("cannot emit a non-finite float: " + v);
        }
        return Float.toString(x) + "f";
    }

    static String u(long v) {
        return Long.toString(v);
    }

    static String floatTable(String name, float[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = f(values[i]);
        }
        return table("float", name, text);
    }

    static String floatTable(String name, double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return floatTable(name, f);
    }

    static String uint16Table(String name, int[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " does not fit in uint16");
            }
            text[i] = values[i] + "u";
        }
        return table("uint16_t", name, text);
    }

    private static String table(String type, String name, String[] values) {
        // C has no empty arrays; an empty table keeps one unused zero
        String[] body = values.length == 0 ? new String[] {"0"} : values;
        StringJoiner lines = new StringJoiner(",\n");
        for (int i = 0; i < body.length; i += VALUES_PER_LINE) {
            StringJoiner line = new StringJoiner(", ", "    ", "");
            for (int j = i; j < Math.min(body.length, i + VALUES_PER_LINE); j++) {
                line.add(body[j]);
            }
            lines.add(line.toString());
        }
        return TABLE.render(Map.of("type", type, "name", name, "count", Integer.toString(body.length),
                "values", lines.toString()));
    }
}
