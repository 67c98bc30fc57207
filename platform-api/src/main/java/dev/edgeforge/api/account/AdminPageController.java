package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.security.CurrentPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page: registration (closed unless opened here) and accounts, which an administrator creates
 * while registration is closed (the security chain already limits /admin/** to administrators).
 */
@Controller
class AdminPageController {

    private final PlatformSettingsService settings;
    private final AccountService accounts;
    private final CurrentPrincipal current;

    AdminPageController(PlatformSettingsService settings, AccountService accounts, CurrentPrincipal current) {
        this.settings = settings;
        this.accounts = accounts;
        this.current = current;
    }

    @GetMapping("/admin/settings")
    String settings(Model model) {
        current.requireAdmin();
        model.addAttribute("registrationOpen", settings.registrationOpen());
        model.addAttribute("accounts", accounts.listAccounts());
        model.addAttribute("activeNav", "admin");
        return "admin/settings";
    }

    /** @param admin the checkbox: absent (null) when not ticked */
    record AccountForm(String email, String name, String password, Boolean admin) {}

    @PostMapping("/admin/accounts")
    String createAccount(@ModelAttribute AccountForm form, RedirectAttributes redirect) {
        current.requireAdmin();
        try {
            AccountOverview created = accounts.createAccount(
                    form.email() == null ? null : form.email().strip(),
                    form.password(),
                    form.name(),
                    Boolean.TRUE.equals(form.admin()));
            redirect.addFlashAttribute(
                    "flashSuccess",
                    "Account " + created.email() + " created. Tell the person "
                            + "the password; they can change it on their account page.");
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute("flashError", rejected.detail());
        }
        return "redirect:/admin/settings";
    }

    @PostMapping("/admin/settings")
    String update(@RequestParam(defaultValue = "false") boolean registrationOpen, RedirectAttributes redirect) {
        current.requireAdmin();
        settings.changeRegistrationOpen(registrationOpen);
        redirect.addFlashAttribute(
                "flashSuccess",
                registrationOpen
                        ? "Registration is open: anyone who can reach this server can create an account."
                        : "Registration is closed: people get in through an invite or an account you create.");
        return "redirect:/admin/settings";
    }
}
