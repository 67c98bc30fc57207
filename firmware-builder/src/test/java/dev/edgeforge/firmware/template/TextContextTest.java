package dev.edgeforge.firmware.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * Each escape on examples and, as properties, on thousands of hostile strings: C string literals read back to the
 * exact bytes, comments can neither end nor continue onto the next line, Markdown renders as exactly the text and
 * nothing else. (gcc's own reading of the same escapes is {@code HostileTextCompileIT}.)
 */
class TextContextTest {

    private static final List<Extension> MARKDOWN = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(MARKDOWN).build();
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*_?");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.hostile(12);
    }

    @Test
    void cStringsEscapeQuotesBackslashesQuestionMarksAndEveryNonPrintableByte() {
        assertThat(TextContext.C_STRING.escape("say \"hi\"\\")).isEqualTo("\"say \\042hi\\042\\134\"");
        assertThat(TextContext.C_STRING.escape("??=")).isEqualTo("\"\\077\\077=\"");
        assertThat(TextContext.C_STRING.escape("é\n\0" + "7")).isEqualTo("\"\\303\\251\\012\\0007\"");
        assertThat(TextContext.C_STRING.escape("")).isEqualTo("\"\"");
    }

    @Test
    void commentsCannotCloseOpenOrContinue() {
        assertThat(TextContext.C_COMMENT.escape("a */ b /* c\nd")).isEqualTo("a * / b / * c\\u000ad");
        assertThat(TextContext.C_COMMENT.escape("*/*/")).isEqualTo(" * / * / ");
        assertThat(TextContext.C_COMMENT.escape("x ??/")).isEqualTo("x ? ?/ ");
        assertThat(TextContext.C_COMMENT.escape("C:\\temp\\")).isEqualTo("C:\\u005ctemp\\u005c");
        assertThat(TextContext.C_COMMENT.escape("Café × 2 \u202e")).isEqualTo("Café × 2 \\u202e");
        assertThat(TextContext.MAKEFILE_COMMENT.escape("a\nb\\ $(shell id)")).isEqualTo("a\\u000ab\\u005c $(shell id)");
    }

    @Test
    void markdownEscapesMarkupAndKeepsPlainText() {
        assertThat(TextContext.MARKDOWN.escape("kws words")).isEqualTo("kws words");
        assertThat(TextContext.MARKDOWN.escape("[x](http://e) | <b>")).isEqualTo("\\[x\\]\\(http\\://e\\) \\| \\<b\\>");
        assertThat(TextContext.MARKDOWN.escape(" a\nb ")).isEqualTo("&#x20;a&#xA;b&#x20;");
    }

    @Test
    void identifiersAndFileNamesAreSafeNames() {
        assertThat(TextContext.C_IDENTIFIER.escape("Conv 2D/weights:0")).isEqualTo("conv_2d_weights_0");
        assertThat(TextContext.C_IDENTIFIER.escape("1st")).isEqualTo("m_1st");
        assertThat(TextContext.C_IDENTIFIER.escape("int")).isEqualTo("int_");
        assertThat(TextContext.C_IDENTIFIER.escape("__init__")).isEqualTo("init");
        assertThat(TextContext.FILE_NAME.escape("kws words")).isEqualTo("kws-words");
        assertThat(TextContext.FILE_NAME.escape("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(TextContext.FILE_NAME.escape("-rf")).isEqualTo("rf");
        assertThat(TextContext.FILE_NAME.escape("中文")).isEqualTo("model");
        assertThat(TextContext.FILE_NAME.escape("a".repeat(100))).hasSize(TextContext.MAX_FILE_NAME);
    }

    @Test
    void contextsAreNamedAsTemplatesWriteThem() {
        for (TextContext context : TextContext.values()) {
            assertThat(TextContext.byId(context.id())).isSameAs(context);
        }
        assertThatThrownBy(() -> TextContext.byId("c-strin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c-string");
    }

    @Property(tries = 5000)
    void cStringLiteralsReadBackToTheExactBytes(@ForAll("hostile") String text) {
        String literal = TextContext.C_STRING.escape(text);
        assertThat(literal.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        assertThat(literal).doesNotContain("??");
        assertThat(CStringLiterals.parse(literal)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 5000)
    void commentTextNeitherEndsNorContinuesTheComment(@ForAll("hostile") String text) {
        for (TextContext context : List.of(TextContext.C_COMMENT, TextContext.MAKEFILE_COMMENT)) {
            String shown = context.escape(text);
            assertThat(shown).doesNotContain("\n").doesNotContain("\r");
            assertThat(shown.codePoints())
                    .noneMatch(c -> Character.getType(c) == Character.CONTROL
                            || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                            || Character.getType(c) == Character.SURROGATE);
            // A backslash only ever starts a \\uXXXX escape, so it never stands before a line end.
            assertThat(shown.replaceAll("\\\\u[0-9a-f]{4}|\\\\U[0-9a-f]{8}", ""))
                    .doesNotContain("\\");
        }
        String comment = TextContext.C_COMMENT.escape(text);
        assertThat(comment).doesNotContain("*/").doesNotContain("/*").doesNotContain("??");
        if (!comment.isEmpty()) {
            assertThat("*/?")
                    .doesNotContain(comment.substring(0, 1))
                    .doesNotContain(comment.substring(comment.length() - 1));
        }
    }

    @Property(tries = 3000)
    void markdownRendersAsExactlyTheTextAndNothingElse(@ForAll("hostile") String text) {
        String shown = TextContext.MARKDOWN.escape(text);
        String expected = asCommonMarkReads(text);
        assertThat(textOf(PARSER.parse("Model " + shown + " here."), Paragraph.class))
                .isEqualTo("Model " + expected + " here.");
        if (!text.isEmpty()) {
            assertThat(textOf(PARSER.parse("# " + shown + "\n"), Heading.class)).isEqualTo(expected);
            Node table = PARSER.parse("| a | b |\n|---|---|\n| " + shown + " | x |\n");
            List<String> cells = cellsOfLastRow(table);
            assertThat(cells).containsExactly(expected, "x");
            String html = HtmlRenderer.builder().extensions(MARKDOWN).build().render(table);
            assertThat(html)
                    .doesNotContain("<a ")
                    .doesNotContain("<img")
                    .doesNotContain("<script")
                    .doesNotContain("<em>")
                    .doesNotContain("<strong>")
                    .doesNotContain("<code>");
        }
    }

    @Property(tries = 3000)
    void identifiersAndFileNamesAreAlwaysWellFormed(@ForAll("hostile") String text) {
        String identifier = TextContext.C_IDENTIFIER.escape(text);
        assertThat(identifier).matches(IDENTIFIER);
        String fileName = TextContext.FILE_NAME.escape(text);
        assertThat(fileName)
                .matches(FILE_NAME)
                .hasSizeLessThanOrEqualTo(TextContext.MAX_FILE_NAME)
                .doesNotEndWith(".")
                .doesNotEndWith("-");
    }

    /** What a CommonMark reader makes of the text: NUL and lone surrogates become U+FFFD. */
    private static String asCommonMarkReads(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0 || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c));
        return out.toString();
    }

    /** The literal text of the first node of {@code type}, or fails when markup other than text appears in it. */
    private static String textOf(Node document, Class<? extends Node> type) {
        Node node = document.getFirstChild();
        assertThat(node).isInstanceOf(type);
        assertThat(node.getNext()).as("one block only").isNull();
        return literal(node);
    }

    private static String literal(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            assertThat(child).as("only text inside").isInstanceOf(Text.class);
            out.append(((Text) child).getLiteral());
        }
        return out.toString();
    }

    private static List<String> cellsOfLastRow(Node document) {
        List<TableRow> rows = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow row) {
                    rows.add(row);
                }
                visitChildren(node);
            }
        });
        assertThat(rows).hasSize(2);
        List<String> cells = new ArrayList<>();
        for (Node cell = rows.get(1).getFirstChild(); cell != null; cell = cell.getNext()) {
            assertThat(cell).isInstanceOf(TableCell.class);
            cells.add(literal(cell));
        }
        return cells;
    }
}
