package dev.edgeforge.firmware.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template under {@code templates/} keeps the rule of this package: a placeholder whose key names text for
 * people has a context, and no key is text in one template and code in another.
 */
class TemplateLintTest {

    /** Keys that name text for people: {@code name}, {@code label(s)}, {@code description}, {@code origin}, … */
    private static final Pattern TEXT_KEY =
            Pattern.compile("(?i)(.*name|.*label|.*labels|.*description|.*origin|.*title|.*comment)");

    @Test
    void everyTemplateShowsTextForPeopleOnlyThroughAContext() throws Exception {
        List<CodeTemplate> templates = allTemplates();
        assertThat(templates).as("templates found").hasSizeGreaterThan(50);
        assertThat(violations(templates)).isEmpty();
    }

    @Test
    void theLintCatchesAContextlessNameAndAKeyUsedBothWays() {
        CodeTemplate raw = CodeTemplate.of("raw.tmpl", "#define NAME \"{{modelName}}\"");
        CodeTemplate safe = CodeTemplate.of("safe.tmpl", "/* {{modelName:c-comment}} */ {{blockOrigin}}");
        CodeTemplate other = CodeTemplate.of("other.tmpl", "{{arena:markdown}}");
        CodeTemplate code = CodeTemplate.of("code.tmpl", "{{arena}}");
        assertThat(violations(List.of(raw)))
                .singleElement()
                .asString()
                .contains("raw.tmpl")
                .contains("modelName");
        assertThat(violations(List.of(safe))).singleElement().asString().contains("blockOrigin");
        assertThat(violations(List.of(other, code))).singleElement().asString().contains("arena");
        assertThat(violations(List.of(CodeTemplate.of("ok.tmpl", "{{modelName:c-string}} {{arenaSize}}"))))
                .isEmpty();
    }

    private static List<String> violations(List<CodeTemplate> templates) {
        List<String> found = new ArrayList<>();
        Map<String, String> firstUse = new HashMap<>();
        for (CodeTemplate template : templates) {
            for (CodeTemplate.Placeholder placeholder : template.placeholders()) {
                String key = placeholder.key();
                boolean text = placeholder.context().isPresent();
                if (!text && TEXT_KEY.matcher(key).matches()) {
                    found.add(template.name() + ": {{" + key + "}} names text for people but has no context");
                }
                String kind = text ? "text" : "code";
                String before = firstUse.putIfAbsent(key, kind + " in " + template.name());
                if (before != null && !before.startsWith(kind)) {
                    found.add(template.name() + ": {{" + key + "}} is " + kind + " here but " + before);
                }
            }
        }
        return found;
    }

    /** Every file below the classpath folder {@code templates/}, loaded as the generators load them. */
    private static List<CodeTemplate> allTemplates() throws IOException, URISyntaxException {
        URL marker = TemplateLintTest.class.getClassLoader().getResource("templates/c/table.tmpl");
        assertThat(marker).isNotNull();
        Path root = Path.of(marker.toURI()).getParent().getParent();
        List<CodeTemplate> templates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                templates.add(CodeTemplate.load(root.relativize(file).toString().replace('\\', '/')));
            }
        }
        return templates;
    }
}
