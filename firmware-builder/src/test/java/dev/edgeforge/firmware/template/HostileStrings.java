package dev.edgeforge.firmware.template;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Text an attacker would type as a model name or label, for property tests: fragments that end strings and
 * comments, escapes, trigraphs, line breaks, NUL, Makefile and Markdown syntax, HTML, bidirectional overrides and
 * other non-ASCII, mixed with arbitrary characters (lone surrogates included).
 */
public final class HostileStrings {

    static final List<String> FRAGMENTS = List.of(
            "\"",
            "'",
            "\\",
            "\\\\",
            "*/",
            "/*",
            "//",
            "??/",
            "??=",
            "??'",
            "??(",
            "??<",
            "?",
            "\n",
            "\r",
            "\r\n",
            "\t",
            "\0",
            "\\0",
            "\\x41",
            "\\101",
            "\\u0041",
            "%",
            "%s",
            "%n",
            "$(shell touch ef-pwned)",
            "$$",
            "${PATH}",
            "#",
            "#include \"/etc/passwd\"",
            "__asm__(\".include",
            "\".include \\\"/etc/hostname\\\"\"",
            ";",
            "{",
            "}",
            "`",
            "```",
            "|",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[link](http://evil.example)",
            "![x](y)",
            "http://evil.example",
            "www.evil.example",
            "&amp;",
            "&#x41;",
            "*",
            "**",
            "_",
            "~~",
            "- ",
            "1. ",
            "> ",
            "    ",
            " ",
            "=",
            "---",
            "\\\n",
            "é",
            "中文",
            "\u00a0",
            "\u202e",
            "\u2028",
            "\u2029",
            "\ufeff",
            "\ud83d\ude00",
            "\ud800",
            "\udfff",
            "\u0085",
            "\u007f",
            "\u0001",
            "\u001b[31m");

    private HostileStrings() {}

    /** Up to {@code maxParts} fragments and random characters, concatenated; may be empty. */
    public static Arbitrary<String> hostile(int maxParts) {
        Arbitrary<String> part = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(FRAGMENTS)),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3)),
                Tuple.of(
                        2,
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6)));
        return part.list().ofMaxSize(maxParts).map(parts -> String.join("", parts));
    }

    /** {@link #hostile} without NUL, for text that must fit a C string (names and labels). */
    public static Arbitrary<String> hostileCText(int maxParts) {
        return hostile(maxParts).map(text -> text.replace("\0", "0")).filter(text -> !text.isEmpty());
    }
}
