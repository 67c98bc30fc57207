package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The members page: list, add by email, remove, invite (a one-time link shown once, to copy); role changes go through
 * the REST API from the page's script.
 */
@Controller
class MemberPageController {

    private final ProjectPages pages;
    private final MemberService members;
    private final InviteService invites;
    private final ProjectAccess access;

    MemberPageController(ProjectPages pages, MemberService members, InviteService invites, ProjectAccess access) {
        this.pages = pages;
        this.members = members;
        this.invites = invites;
        this.access = access;
    }

    /** An invite just created, shown once on the page after the redirect. */
    record ShownInvite(String email, String role, String link) {}

    @GetMapping("/projects/{projectId}/members")
    String members(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ProjectNavConfiguration.MEMBERS, model);
        model.addAttribute("members", members.list(grant));
        model.addAttribute("roles", ProjectRole.values());
        model.addAttribute("canManage", grant.atLeast(ProjectRole.ADMIN));
        model.addAttribute("isOwner", grant.atLeast(ProjectRole.OWNER));
        model.addAttribute("me", grant.userId().orElse(null));
        model.addAttribute("invites", grant.atLeast(ProjectRole.ADMIN) ? invites.list(grant) : List.of());
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

    @PostMapping("/projects/{projectId}/invites")
    String invite(
            @PathVariable UUID projectId,
            @RequestParam String email,
            @RequestParam String role,
            RedirectAttributes redirect) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.ADMIN);
        try {
            CreatedInvite invite = invites.create(grant, email, ProjectRole.fromValue(role));
            redirect.addFlashAttribute(
                    "createdInvite",
                    new ShownInvite(invite.email(), invite.role().value(), InviteLinks.of(invite.token())));
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute("flashError", rejected.detail());
        } catch (IllegalArgumentException badRole) {
            redirect.addFlashAttribute("flashError", "The role " + badRole.getMessage() + ".");
        }
        return "redirect:/projects/" + projectId + "/members";
    }

    @PostMapping("/projects/{projectId}/invites/{inviteId}/revoke")
    String revokeInvite(@PathVariable UUID projectId, @PathVariable UUID inviteId, RedirectAttributes redirect) {
        invites.revoke(access.requireRole(projectId, ProjectRole.ADMIN), inviteId);
        redirect.addFlashAttribute("flashSuccess", "Invite revoked: its link no longer works.");
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
