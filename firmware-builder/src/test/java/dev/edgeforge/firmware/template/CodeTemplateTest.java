package dev.edgeforge.firmware.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeTemplateTest {

    @Test
    void codeIsInsertedAsItIsAndTextEscapedForItsContext() {
        CodeTemplate template = CodeTemplate.of("test", """
                /* Model '{{name:c-comment}}' */
                const char *name = {{name:c-string}};
                int size = {{size}};   \s
                """);
        assertThat(template.render(Map.of("name", "a */ \"b\"", "size", "4 * 2")))
                .isEqualTo("""
                /* Model 'a * / "b"' */
                const char *name = "a */ \\042b\\042";
                int size = 4 * 2;
                """);
        assertThat(template.placeholders())
                .extracting(CodeTemplate.Placeholder::key)
                .containsExactly("name", "name", "size");
    }

    @Test
    void refusesMissingAndUnusedValues() {
        CodeTemplate table = CodeTemplate.load("c/table.tmpl");
        assertThatThrownBy(() -> table.render(Map.of("qualifiers", "const")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{type}}");
        assertThatThrownBy(() -> table.render(
                        Map.of("qualifiers", "", "type", "", "symbol", "", "count", "", "values", "", "extra", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> CodeTemplate.load("c/missing.tmpl")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyIsEitherCodeOrTextAndContextsMustExist() {
        assertThatThrownBy(() -> CodeTemplate.of("mixed", "/* {{modelName:c-comment}} */ {{modelName}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both as code and as text");
        assertThatThrownBy(() -> CodeTemplate.of("unknown", "{{modelName:c-strin}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown text context 'c-strin'");
    }
}
