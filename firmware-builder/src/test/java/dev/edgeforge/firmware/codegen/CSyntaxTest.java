package dev.edgeforge.firmware.codegen;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CSyntaxTest {

    @Test
    void floatLiteralsReadBackExactly() {
        for (float v : new float[] {0.1f, 1e-38f, 3.4028235e38f, -0.0f, 0.00390625f, 1.4e-45f}) {
            String literal = CSyntax.floatLiteral(v);
            assertThat(literal).endsWith("f");
            assertThat(Float.parseFloat(literal.substring(0, literal.length() - 1))).isEqualTo(v);
        }
        assertThatThrownBy(() -> CSyntax.floatLiteral(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void int32MinIsAnExpression() {
        assertThat(CSyntax.int32Literal(Integer.MIN_VALUE)).isEqualTo("(-2147483647 - 1)");
        assertThat(CSyntax.int32Literal(-5)).isEqualTo("-5");
    }

    @Test
    void stringLiteralsEscapeQuotesTrigraphsAndNonAscii() {
        assertThat(CSyntax.stringLiteral("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
        assertThat(CSyntax.stringLiteral("??=")).isEqualTo("\"\\077\\077=\"");
        assertThat(CSyntax.stringLiteral("é\n")).isEqualTo("\"\\303\\251\\012\"");
    }

    @Test
    void commentTextCannotCloseTheComment() {
        assertThat(CSyntax.commentText("a */ b /* c\nd")).isEqualTo("a *_/ b /_* c?d");
    }

    @Test
    void identifiersAreLowerCaseCNames() {
        assertThat(CSyntax.identifier("Conv 2D/weights:0")).isEqualTo("conv_2d_weights_0");
        assertThat(CSyntax.identifier("1st")).isEqualTo("m_1st");
    }

    @Test
    void tablesHaveOneValuePerSlotAndNeverZeroLength() {
        assertThat(CSyntax.table("static const", "int8_t", "t", 3, CSyntax.int8Values(new byte[] {1, -2, 3})))
                .isEqualTo("static const int8_t t[3] = {\n    1, -2, 3\n};");
        assertThat(CSyntax.table("static const", "int32_t", "e", 0, CSyntax.int32Values(new int[0])))
                .contains("e[1]").contains("    0");
    }

    @Test
    void templatesRefuseMissingAndUnusedValues() {
        CodeTemplate table = CodeTemplate.load("c/table.tmpl");
        assertThatThrownBy(() -> table.render(Map.of("qualifiers", "const")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{type}}");
        assertThatThrownBy(() -> table.render(Map.of("qualifiers", "", "type", "", "name", "", "count", "",
                "values", "", "extra", ""))).isInstanceOf(IllegalStateException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> CodeTemplate.load("c/missing.tmpl")).isInstanceOf(IllegalStateException.class);
    }
}
