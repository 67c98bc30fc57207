package dev.edgeforge.firmware.template;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Where text for people (names, labels, descriptions) lands in a generated file, and how it is escaped there. A
 * template names the context of each such placeholder, {@code {{modelName:c-string}}}, and {@link CodeTemplate}
 * applies it; every escape below holds for any Java string, including quotes, backslashes, {@code *}{@code /},
 * trigraphs, line breaks, NUL and non-ASCII.
 */
public enum TextContext {

    /**
     * A complete C/C++ string literal, quotes included, of the text's UTF-8 bytes: anything but printable ASCII, and
     * {@code "}, {@code \} and {@code ?}, as a three-digit octal escape, so the bytes read back exactly and no
     * trigraph or escape can form (an octal escape takes at most three digits, so a digit after it stays a digit).
     */
    C_STRING("c-string") {
        @Override
        public String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
                    out.append((char) c);
                } else {
                    out.append('\\')
                            .append((char) ('0' + (c >> 6)))
                            .append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
                }
            }
            return out.append('"').toString();
        }
    },

    /**
     * Text inside a C/C++ comment, block ({@code /* … *}{@code /}) or line ({@code // …}): one line; no comment
     * terminator or opener, no trigraph ({@code ??/} is a backslash), no backslash (before a line end it would splice
     * the next line into the comment); control, format (bidirectional overrides) and separator characters shown as
     * {@code \}{@code uXXXX}. Other Unicode stays readable. For people only: it does not round-trip.
     */
    C_COMMENT("c-comment") {
        @Override
        public String escape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                String shown = visible(c) && c != '\\' ? Character.toString(c) : unicodeEscape(c);
                char last = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
                char first = shown.charAt(0);
                if ((last == '*' && first == '/') || (last == '/' && first == '*') || (last == '?' && first == '?')) {
                    out.append(' '); // breaks */, /* and ??, whichever characters come around them
                }
                out.append(shown);
            });
            // Whatever the template puts around the text, no */, /* or ?? can form across its edges.
            if (!out.isEmpty() && EDGE.indexOf(out.charAt(0)) >= 0) {
                out.insert(0, ' ');
            }
            if (!out.isEmpty() && EDGE.indexOf(out.charAt(out.length() - 1)) >= 0) {
                out.append(' ');
            }
            return out.toString();
        }
    },

    /**
     * Text after {@code #} on a Makefile comment line: one line, and no backslash (a backslash before the line end
     * continues the comment onto the next line, making it part of the comment or, for make, of the rule after it);
     * control, format and separator characters as {@code \}{@code uXXXX}. Make expands nothing in comments, so
     * {@code $(shell …)} stays text. For people only.
     */
    MAKEFILE_COMMENT("makefile-comment") {
        @Override
        public String escape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints()
                    .forEach(c -> out.append(visible(c) && c != '\\' ? Character.toString(c) : unicodeEscape(c)));
            return out.toString();
        }
    },

    /**
     * Inline CommonMark (and GitHub Flavored Markdown) text, e.g. in a heading, a paragraph or a table cell: ASCII
     * punctuation that could start markup (emphasis, links, images, code spans, HTML, entities, autolinks, table
     * pipes, headings and lists at a line start) is backslash-escaped; control, format and separator characters,
     * and spaces at either end (which Markdown would trim), become numeric character references. A Markdown reader
     * renders exactly the original text, as text.
     */
    MARKDOWN("markdown") {
        @Override
        public String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 8);
            int[] codePoints = text.codePoints().toArray();
            for (int i = 0; i < codePoints.length; i++) {
                int c = codePoints[i];
                boolean edge = i == 0 || i == codePoints.length - 1;
                if (c < 0x80 && MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                    out.append('\\').append((char) c);
                } else if (!visible(c) || (edge && (c == ' '))) {
                    // NUL and lone surrogates cannot be shown: they become U+FFFD, as CommonMark prescribes.
                    int shown = c == 0 || Character.getType(c) == Character.SURROGATE ? 0xFFFD : c;
                    out.append("&#x")
                            .append(Integer.toHexString(shown).toUpperCase(Locale.ROOT))
                            .append(';');
                } else {
                    out.appendCodePoint(c);
                }
            }
            return out.toString();
        }
    },

    /**
     * A C identifier made from the text: lower-case ASCII letters, digits and single underscores, starting with a
     * letter, never a C or C++ keyword. Many texts map to one identifier; the generator must keep them apart.
     */
    C_IDENTIFIER("c-identifier") {
        @Override
        public String escape(String text) {
            String id =
                    text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
                id = "m_" + id;
            }
            return KEYWORDS.contains(id) ? id + "_" : id;
        }
    },

    /**
     * A single file name (no folder) made from the text, safe on every file system and on a command line: ASCII
     * letters, digits, {@code .}, {@code _} and {@code -}; never empty, never starting with {@code .} or {@code -},
     * at most {@value #MAX_FILE_NAME} characters.
     */
    FILE_NAME("file-name") {
        @Override
        public String escape(String text) {
            String name = text.replaceAll("[^A-Za-z0-9._-]+", "-")
                    .replaceAll("-{2,}", "-")
                    .replaceAll("^[.-]+", "");
            if (name.length() > MAX_FILE_NAME) {
                name = name.substring(0, MAX_FILE_NAME);
            }
            name = name.replaceAll("[.-]+$", "");
            return name.isEmpty() ? "model" : name;
        }
    };

    /** The longest name {@link #FILE_NAME} makes; room is left for suffixes such as {@code -firmware-<board>.zip}. */
    public static final int MAX_FILE_NAME = 64;

    /** Characters that could pair with a neighbour into a comment delimiter or a trigraph. */
    private static final String EDGE = "*/?";

    private static final String MARKDOWN_PUNCTUATION = "!#$&()*+-.:<=>[\\]^_`{|}~";

    private static final Set<String> KEYWORDS = Set.of(
            "auto",
            "break",
            "case",
            "char",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extern",
            "float",
            "for",
            "goto",
            "if",
            "inline",
            "int",
            "long",
            "register",
            "restrict",
            "return",
            "short",
            "signed",
            "sizeof",
            "static",
            "struct",
            "switch",
            "typedef",
            "union",
            "unsigned",
            "void",
            "volatile",
            "while",
            "alignas",
            "alignof",
            "and",
            "and_eq",
            "asm",
            "bitand",
            "bitor",
            "bool",
            "catch",
            "char8_t",
            "char16_t",
            "char32_t",
            "class",
            "compl",
            "concept",
            "consteval",
            "constexpr",
            "constinit",
            "const_cast",
            "co_await",
            "co_return",
            "co_yield",
            "decltype",
            "delete",
            "dynamic_cast",
            "explicit",
            "export",
            "false",
            "friend",
            "mutable",
            "namespace",
            "new",
            "noexcept",
            "not",
            "not_eq",
            "nullptr",
            "operator",
            "or",
            "or_eq",
            "private",
            "protected",
            "public",
            "reinterpret_cast",
            "requires",
            "static_assert",
            "static_cast",
            "template",
            "this",
            "thread_local",
            "throw",
            "true",
            "try",
            "typeid",
            "typename",
            "using",
            "virtual",
            "wchar_t",
            "xor",
            "xor_eq");

    private final String id;

    TextContext(String id) {
        this.id = id;
    }

    /** The name templates use after the colon, e.g. {@code c-string}. */
    public String id() {
        return id;
    }

    /** The text as it must appear in this context. */
    public abstract String escape(String text);

    /** @throws IllegalArgumentException naming the known contexts when {@code id} is not one of them */
    public static TextContext byId(String id) {
        for (TextContext context : values()) {
            if (context.id.equals(id)) {
                return context;
            }
        }
        StringBuilder known = new StringBuilder();
        for (TextContext context : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(context.id);
        }
        throw new IllegalArgumentException("unknown text context '" + id + "' (known: " + known + ")");
    }

    /** A character shown as itself in comments and Markdown: printable, not a control, format or separator. */
    private static boolean visible(int c) {
        if (c < 0x80) {
            return c >= 0x20 && c < 0x7F;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String unicodeEscape(int c) {
        return c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04x", c) : String.format(Locale.ROOT, "\\U%08x", c);
    }
}
