package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page behind an invite link. {@code /invites/{token}} is open to anyone (the token is the credential) and creates
 * the account when the email has none; {@code /invites/{token}/join} needs a sign-in, so someone with an account is
 * sent through the sign-in page and back.
 */
@Controller
class InvitePageController {

    private final InviteService invites;
    private final CurrentPrincipal current;

    InvitePageController(InviteService invites, CurrentPrincipal current) {
        this.invites = invites;
        this.current = current;
    }

    record AccountForm(String name, String password, String repeatPassword) {}

    @GetMapping({"/invites/{token}", "/invites/{token}/join"})
    String invite(@PathVariable String token, Model model) {
        InviteDetails invite = invites.describe(token);
        Optional<UserPrincipal> user = current.findUser();
        model.addAttribute("invite", invite);
        model.addAttribute("token", token);
        model.addAttribute("signedInAs", user.map(UserPrincipal::email).orElse(null));
        model.addAttribute(
                "signedInAsInvited",
                user.map(u -> u.email().equals(invite.email())).orElse(false));
        return "project/invite";
    }

    @PostMapping("/invites/{token}")
    String createAccount(@PathVariable String token, @ModelAttribute AccountForm form, RedirectAttributes redirect) {
        if (form.password() == null || !form.password().equals(form.repeatPassword())) {
            redirect.addFlashAttribute("flashError", "The password and its repetition differ; type both again.");
            return "redirect:/invites/" + token;
        }
        try {
            invites.accept(token, Optional.empty(), form.password(), form.name());
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute("flashError", rejected.detail());
            return "redirect:/invites/" + token;
        }
        return "redirect:/login?invited";
    }

    @PostMapping("/invites/{token}/join")
    String join(@PathVariable String token, RedirectAttributes redirect) {
        AcceptedInvite accepted = invites.accept(token, Optional.of(current.requireUser()), null, null);
        redirect.addFlashAttribute(
                "flashSuccess",
                accepted.alreadyMember()
                        ? "You were already a member of " + accepted.projectName() + "; your role stays as it was."
                        : "You joined " + accepted.projectName() + " as "
                                + accepted.role().value() + ".");
        return "redirect:/projects/" + accepted.projectId();
    }
}
