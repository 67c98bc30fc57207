package dev.edgeforge.firmware.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STM32CubeMX's USER CODE sections: the lines between the comments {@code USER CODE BEGIN <name>} and
 * {@code USER CODE END <name>} are the application's own, kept when CubeMX generates the file again; the rest of the
 * file is the template's.
 */
public final class CubeMxUserCode {

    private static final Pattern BEGIN = Pattern.compile("/\\* USER CODE BEGIN (\\S+) \\*/[ \\t]*\\n");

    private CubeMxUserCode() {}

    /**
     * The file with the named sections' contents replaced (each ending in a newline); other sections are left as
     * they are.
     *
     * @throws IllegalArgumentException when a named section is missing, repeated or not closed
     */
    public static String fill(String text, Map<String, String> contents) {
        String result = text;
        for (Map.Entry<String, String> section : contents.entrySet()) {
            int[] body = body(result, section.getKey());
            String content = section.getValue().stripTrailing();
            result = result.substring(0, body[0])
                    + (content.isEmpty() ? "" : content + "\n")
                    + result.substring(body[1]);
        }
        return result;
    }

    /** The names of the file's sections, in order. */
    public static List<String> sections(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The file with every section emptied: what two files filled differently from one template share. */
    public static String withoutUserCode(String text) {
        String result = text;
        for (String name : sections(text)) {
            int[] body = body(result, name);
            result = result.substring(0, body[0]) + result.substring(body[1]);
        }
        return result;
    }

    /** Start and end of the section's lines: after its BEGIN line, up to the start of its END line. */
    private static int[] body(String text, String name) {
        String begin = "/* USER CODE BEGIN " + name + " */";
        String end = "/* USER CODE END " + name + " */";
        int first = text.indexOf(begin);
        if (first < 0 || text.indexOf(begin, first + 1) >= 0) {
            throw new IllegalArgumentException("the file needs exactly one USER CODE BEGIN " + name);
        }
        int start = text.indexOf('\n', first) + 1;
        int close = text.indexOf(end, start);
        if (start == 0 || close < 0) {
            throw new IllegalArgumentException("USER CODE " + name + " is not closed");
        }
        int lineStart = text.lastIndexOf('\n', close) + 1;
        if (lineStart < start) {
            throw new IllegalArgumentException("USER CODE END " + name + " must start a line of its own");
        }
        return new int[] {start, lineStart};
    }
}
