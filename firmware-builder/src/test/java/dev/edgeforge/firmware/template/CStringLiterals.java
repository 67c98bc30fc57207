package dev.edgeforge.firmware.template;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads C string literals back into the bytes they denote (C99 6.4.4.4 and 6.4.5, trigraphs included), so tests can
 * check that text shown in generated C round-trips. {@code HostileTextCompileIT} holds this reader to what gcc itself
 * makes of the same literals.
 */
public final class CStringLiterals {

    private CStringLiterals() {}

    /** The bytes of the one string literal that {@code literal} is (quotes included). */
    public static byte[] parse(String literal) {
        String text = replaceTrigraphs(literal);
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            throw new IllegalArgumentException("not a string literal: " + literal);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 1;
        int end = text.length() - 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"' || c == '\n') {
                throw new IllegalArgumentException(
                        "unescaped " + (c == '"' ? "quote" : "line break") + " at " + i + " in " + literal);
            }
            if (c != '\\') {
                if (c > 0x7F) {
                    throw new IllegalArgumentException("non-ASCII source character in " + literal);
                }
                out.write(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            if (e >= '0' && e <= '7') {
                int value = 0;
                int j = i + 1;
                while (j < end && j < i + 4 && text.charAt(j) >= '0' && text.charAt(j) <= '7') {
                    value = value * 8 + (text.charAt(j) - '0');
                    j++;
                }
                out.write(value);
                i = j;
            } else if (e == 'x') {
                int value = 0;
                int j = i + 2;
                while (j < end && Character.digit(text.charAt(j), 16) >= 0) {
                    value = value * 16 + Character.digit(text.charAt(j), 16);
                    j++;
                }
                if (j == i + 2 || value > 0xFF) {
                    throw new IllegalArgumentException("bad hex escape in " + literal);
                }
                out.write(value);
                i = j;
            } else {
                int simple = switch (e) {
                    case '\'', '"', '?', '\\' -> e;
                    case 'a' -> 7;
                    case 'b' -> 8;
                    case 'f' -> 12;
                    case 'n' -> 10;
                    case 'r' -> 13;
                    case 't' -> 9;
                    case 'v' -> 11;
                    default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + literal);
                };
                out.write(simple);
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** Every string literal assigned by {@code <prefix> <literal>} in {@code source}, e.g. {@code ".name = "}. */
    public static List<byte[]> after(String source, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\"(?:[^\"\\\\\\n]|\\\\.)*\")")
                .matcher(source);
        List<byte[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(parse(m.group(1)));
        }
        return found;
    }

    private static String replaceTrigraphs(String text) {
        String from = "=()/'<>!-";
        String to = "#[]\\^{}|~";
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (i + 2 < text.length()
                    && text.charAt(i) == '?'
                    && text.charAt(i + 1) == '?'
                    && from.indexOf(text.charAt(i + 2)) >= 0) {
                out.append(to.charAt(from.indexOf(text.charAt(i + 2))));
                i += 2;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }
}
