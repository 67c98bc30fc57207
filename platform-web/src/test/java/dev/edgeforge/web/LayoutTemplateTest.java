package dev.edgeforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the layouts with a plain Thymeleaf engine (no Spring, no server), the way platform-api's pages use them.
 */
class LayoutTemplateTest {

    private final TemplateEngine engine = engine();

    private static TemplateEngine engine() {
        TemplateEngine engine = new TemplateEngine();
        engine.addTemplateResolver(resolver("templates/", 1));
        engine.addTemplateResolver(resolver("test-templates/", 2));
        // outside a servlet container there is no context path; links are rendered as written
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(
                    IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String prefix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(prefix);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    private static Map<String, Object> user() {
        return Map.of("displayName", "Ada Lovelace", "email", "ada@example.com", "admin", true);
    }

    private static Map<String, Object> navItem(String key, String label, String path, boolean available) {
        return Map.of("key", key, "label", label, "path", path, "available", available);
    }

    @Test
    void projectPagesGetTheShellSidebarAndCsrfToken() {
        Context context = new Context();
        Map<String, Object> variables = new HashMap<>();
        variables.put("currentUser", user());
        variables.put("_csrf", Map.of("token", "csrf-123", "headerName", "X-CSRF-TOKEN"));
        variables.put("project", Map.of("id", "p-1", "name", "Gesture recognition", "role", new TemplateRole("owner")));
        variables.put("activeNav", "members");
        variables.put(
                "projectNav",
                List.of(
                        navItem("dashboard", "Dashboard", "", true),
                        navItem("training", "Training", "/training", false),
                        navItem("members", "Members", "/members", true)));
        variables.put("flashSuccess", "Member removed.");
        context.setVariables(variables);

        String html = engine.process("sample-page", context).replaceAll("\\s+", " ");

        assertThat(html)
                .contains("<title>Sample page · EdgeForge</title>")
                .contains("<link rel=\"stylesheet\" href=\"/css/app.css\">")
                .contains("<script type=\"module\" src=\"/js/app.js\"></script>")
                .contains("<meta name=\"_csrf\" content=\"csrf-123\">")
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
                .contains("id=\"sample-content\"")
                .contains("Sample content")
                .contains("class=\"shell with-sidebar\"")
                .contains("Gesture recognition")
                .contains("class=\"badge role-owner\"")
                .contains("href=\"/projects/p-1\" data-nav=\"dashboard\">Dashboard</a>")
                .contains("href=\"/projects/p-1/members\" data-nav=\"members\" class=\"active\">Members</a>")
                .contains("<span>Training</span><span class=\"badge coming\">coming</span>")
                .doesNotContain("href=\"/projects/p-1/training\"")
                .contains("Member removed.")
                .contains("Ada Lovelace")
                .contains("href=\"/admin/settings\"")
                .contains("action=\"/logout\"");
        assertThat(html).doesNotContain("th:");
    }

    @Test
    void pagesOutsideAProjectHaveNoSidebarAndSignedOutPagesNoMenu() {
        Context signedIn = new Context();
        signedIn.setVariable("currentUser", Map.of("displayName", "Bob", "email", "bob@example.com", "admin", false));
        String plain = engine.process("sample-page", signedIn);
        assertThat(plain)
                .doesNotContain("class=\"sidebar\"")
                .contains("class=\"shell\"")
                .doesNotContain("/admin/settings")
                .doesNotContain("alert-success");

        String signedOut = engine.process("sample-auth-page", new Context());
        assertThat(signedOut)
                .contains("<title>Sign in · EdgeForge</title>")
                .contains("id=\"auth-content\"")
                .contains("class=\"auth-page\"")
                .doesNotContain("user-menu");
    }

    @Test
    void theErrorPageShowsStatusTitleAndDetail() {
        Context context = new Context();
        context.setVariable("status", 404);
        context.setVariable("title", "Project not found");
        context.setVariable("detail", "No project with id 42 exists that you can access.");
        String html = engine.process("error", context);
        assertThat(html)
                .contains("<title>Project not found · EdgeForge</title>")
                .contains("<div class=\"status\">404</div>")
                .contains("No project with id 42 exists that you can access.");
    }
}
