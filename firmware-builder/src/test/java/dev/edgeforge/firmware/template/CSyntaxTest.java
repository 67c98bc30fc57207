package dev.edgeforge.firmware.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CSyntaxTest {

    @Test
    void floatLiteralsReadBackExactly() {
        for (float v : new float[] {0.1f, 1e-38f, 3.4028235e38f, -0.0f, 0.00390625f, 1.4e-45f}) {
            String literal = CSyntax.floatLiteral(v);
            assertThat(literal).endsWith("f");
            assertThat(Float.parseFloat(literal.substring(0, literal.length() - 1)))
                    .isEqualTo(v);
        }
        assertThatThrownBy(() -> CSyntax.floatLiteral(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void int32MinIsAnExpression() {
        assertThat(CSyntax.int32Literal(Integer.MIN_VALUE)).isEqualTo("(-2147483647 - 1)");
        assertThat(CSyntax.int32Literal(-5)).isEqualTo("-5");
    }

    @Test
    void tablesHaveOneValuePerSlotAndNeverZeroLength() {
        assertThat(CSyntax.table("static const", "int8_t", "t", 3, CSyntax.int8Values(new byte[] {1, -2, 3})))
                .isEqualTo("static const int8_t t[3] = {\n    1, -2, 3\n};");
        assertThat(CSyntax.table("static const", "int32_t", "e", 0, CSyntax.int32Values(new int[0])))
                .contains("e[1]")
                .contains("    0");
    }

    @Test
    void dspTablesHoldFloat32ValuesAndCheckedUint16s() {
        assertThat(CSyntax.floatTable("w", new double[] {0.1, 1.0 / 3}))
                .isEqualTo("static const float w[2] = {\n    0.1f, 0.33333334f\n};");
        assertThat(CSyntax.uint16Table("b", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 65535}))
                .isEqualTo("static const uint16_t b[9] = {\n    0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u,\n    65535u\n};");
        assertThatThrownBy(() -> CSyntax.uint16Table("b", new int[] {65536}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b[0]");
    }
}
