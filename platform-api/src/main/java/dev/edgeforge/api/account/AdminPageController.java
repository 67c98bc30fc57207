package dev.edgeforge.api.account;

import dev.edgeforge.api.security.CurrentPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's settings page (the security chain already limits /admin/** to administrators). */
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

    @PostMapping("/admin/settings")
    String update(@RequestParam(defaultValue = "false") boolean registrationOpen, RedirectAttributes redirect) {
        current.requireAdmin();
        settings.changeRegistrationOpen(registrationOpen);
        redirect.addFlashAttribute(
                "flashSuccess",
                registrationOpen
                        ? "Registration is open: anyone can create an account."
                        : "Registration is closed: only existing accounts can sign in.");
        return "redirect:/admin/settings";
    }
}
