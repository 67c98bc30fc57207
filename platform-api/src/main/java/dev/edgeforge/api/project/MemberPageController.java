package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The members page: list, add by email, remove; role changes go through the REST API from the page's script. */
@Controller
class MemberPageController {

    private final ProjectService projects;
    private final MemberService members;
    private final ProjectAccess access;

    MemberPageController(ProjectService projects, MemberService members, ProjectAccess access) {
        this.projects = projects;
        this.members = members;
        this.access = access;
    }

    @GetMapping("/projects/{projectId}/members")
    String members(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        model.addAttribute("project", projects.get(grant));
        model.addAttribute("activeNav", ProjectNavConfiguration.MEMBERS);
        model.addAttribute("members", members.list(grant));
        model.addAttribute("roles", ProjectRole.values());
        model.addAttribute("canManage", grant.atLeast(ProjectRole.ADMIN));
        model.addAttribute("isOwner", grant.atLeast(ProjectRole.OWNER));
        model.addAttribute("me", grant.userId().orElse(null));
        return "project/members";
    }

    @PostMapping("/projects/{projectId}/members")
    String add(
            @PathVariable UUID projectId,
            @RequestParam String email,
            @RequestParam String role,
            RedirectAttributes redirect) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.ADMIN);
        try {
            MemberView added = members.add(grant, email, ProjectRole.fromValue(role));
            redirect.addFlashAttribute(
                    "flashSuccess",
                    added.email() + " was added as " + added.role().value() + ".");
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute("flashError", rejected.detail());
        } catch (IllegalArgumentException badRole) {
            redirect.addFlashAttribute("flashError", "The role " + badRole.getMessage() + ".");
        }
        return "redirect:/projects/" + projectId + "/members";
    }

    @PostMapping("/projects/{projectId}/members/{userId}/remove")
    String remove(@PathVariable UUID projectId, @PathVariable UUID userId, RedirectAttributes redirect) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        boolean leaving = grant.userId().map(userId::equals).orElse(false);
        try {
            members.remove(grant, userId);
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute("flashError", rejected.detail());
            return "redirect:/projects/" + projectId + "/members";
        }
        if (leaving) {
            redirect.addFlashAttribute("flashSuccess", "You left the project.");
            return "redirect:/projects";
        }
        redirect.addFlashAttribute("flashSuccess", "Member removed.");
        return "redirect:/projects/" + projectId + "/members";
    }
}
