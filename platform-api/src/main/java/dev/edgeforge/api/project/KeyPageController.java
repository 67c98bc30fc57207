package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.ApiKeyScope;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The keys pages. API keys are created and revoked by the page's script through the REST API (so the new key
 * appears once, in the page, without passing through a redirect); HMAC keys use plain forms.
 */
@Controller
class KeyPageController {

    private final ProjectPages pages;
    private final ApiKeyService apiKeys;
    private final HmacKeyService hmacKeys;
    private final ProjectAccess access;

    KeyPageController(ProjectPages pages, ApiKeyService apiKeys, HmacKeyService hmacKeys, ProjectAccess access) {
        this.pages = pages;
        this.apiKeys = apiKeys;
        this.hmacKeys = hmacKeys;
        this.access = access;
    }

    @GetMapping("/projects/{projectId}/keys")
    String apiKeys(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ProjectNavConfiguration.KEYS, model);
        model.addAttribute("keys", apiKeys.list(grant));
        model.addAttribute("scopes", ApiKeyScope.values());
        model.addAttribute("canManage", grant.atLeast(ProjectRole.ADMIN));
        return "project/api-keys";
    }

    @GetMapping("/projects/{projectId}/hmac-keys")
    String hmacKeys(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ProjectNavConfiguration.KEYS, model);
        model.addAttribute("keys", hmacKeys.list(grant));
        model.addAttribute("canManage", grant.atLeast(ProjectRole.ADMIN));
        return "project/hmac-keys";
    }

    /** Creates a key; a secret typed in (an Edge Impulse project's key) is kept, an empty one is generated. */
    @PostMapping("/projects/{projectId}/hmac-keys")
    String createHmacKey(
            @PathVariable UUID projectId,
            @RequestParam String name,
            @RequestParam(required = false) String secret,
            RedirectAttributes redirect) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.ADMIN);
        Optional<String> given = Optional.ofNullable(secret).map(String::strip).filter(s -> !s.isEmpty());
        if (name.isBlank() || name.length() > 200) {
            redirect.addFlashAttribute("flashError", "Give the HMAC key a name of 1 to 200 characters.");
            return "redirect:/projects/" + projectId + "/hmac-keys";
        }
        try {
            hmacKeys.create(grant, name, given);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    "HMAC key \u201c" + name.trim() + "\u201d " + (given.isPresent() ? "added" : "created")
                            + ". Samples that came in unverified can be checked against it on the Data acquisition "
                            + "page (select them, then \u201cCheck signatures\u201d).");
        } catch (ValidationViolation | HmacKeyExistsViolation e) {
            redirect.addFlashAttribute("flashError", e.detail());
        }
        return "redirect:/projects/" + projectId + "/hmac-keys";
    }

    @PostMapping("/projects/{projectId}/hmac-keys/{keyId}/delete")
    String deleteHmacKey(@PathVariable UUID projectId, @PathVariable UUID keyId, RedirectAttributes redirect) {
        hmacKeys.delete(access.requireRole(projectId, ProjectRole.ADMIN), keyId);
        redirect.addFlashAttribute("flashSuccess", "HMAC key deleted.");
        return "redirect:/projects/" + projectId + "/hmac-keys";
    }
}
