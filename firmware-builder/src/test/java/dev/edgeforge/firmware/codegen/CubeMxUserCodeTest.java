package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CubeMxUserCodeTest {

    private static final String TEMPLATE = """
            /* USER CODE BEGIN header */
            /* USER CODE END header */
            int x;
            void f(void)
            {
                /* USER CODE BEGIN 5 */
                template();
                /* USER CODE END 5 */
            }
            """;

    @Test
    void fillsTheNamedSectionsAndLeavesTheRestAsItWas() {
        Map<String, String> code = new LinkedHashMap<>();
        code.put("header", "/* mine */\n");
        code.put("5", "    mine();");
        String filled = CubeMxUserCode.fill(TEMPLATE, code);

        assertThat(filled).isEqualTo("""
                /* USER CODE BEGIN header */
                /* mine */
                /* USER CODE END header */
                int x;
                void f(void)
                {
                    /* USER CODE BEGIN 5 */
                    mine();
                    /* USER CODE END 5 */
                }
                """);
        assertThat(CubeMxUserCode.sections(filled)).containsExactly("header", "5");
        assertThat(CubeMxUserCode.withoutUserCode(filled)).isEqualTo(CubeMxUserCode.withoutUserCode(TEMPLATE));
        assertThat(CubeMxUserCode.withoutUserCode(filled)).doesNotContain("mine", "template");
    }

    @Test
    void aChangeOutsideTheSectionsShows() {
        String changed = TEMPLATE.replace("int x;", "int y;");
        assertThat(CubeMxUserCode.withoutUserCode(changed)).isNotEqualTo(CubeMxUserCode.withoutUserCode(TEMPLATE));
    }

    @Test
    void aMissingOrUnclosedSectionIsRefused() {
        assertThatThrownBy(() -> CubeMxUserCode.fill(TEMPLATE, Map.of("6", "x();")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USER CODE BEGIN 6");
        assertThatThrownBy(() -> CubeMxUserCode.fill("/* USER CODE BEGIN 2 */\nx();\n", Map.of("2", "y();")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
    }
}
