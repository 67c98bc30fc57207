package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in, registration and personal access token pages. */
@Controller
class AccountPageController {

    private final AccountService accounts;
    private final TokenService tokens;
    private final PlatformSettingsService settings;
    private final CurrentPrincipal current;

    AccountPageController(
            AccountService accounts, TokenService tokens, PlatformSettingsService settings, CurrentPrincipal current) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.settings = settings;
        this.current = current;
    }

    /** The registration form; a record so it is never confused with the account entity. */
    record RegisterForm(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 8, max = 72) String password,
            @Size(max = 200) String name) {

        RegisterForm {
            email = email == null ? null : email.strip();
        }
    }

    record TokenForm(@NotBlank @Size(max = 200) String name) {}

    @GetMapping("/login")
    String login(Model model) {
        if (current.findUser().isPresent()) {
            return "redirect:/projects";
        }
        model.addAttribute("registrationOpen", settings.registrationOpen());
        return "account/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new RegisterForm("", "", ""));
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("registrationOpen", settings.registrationOpen());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegisterForm form, BindingResult result, Model model) {
        model.addAttribute("registrationOpen", settings.registrationOpen());
        model.addAttribute("form", new RegisterForm(form.email(), "", form.name()));
        model.addAttribute("fieldErrors", FormErrors.of(result));
        if (result.hasErrors()) {
            return "account/register";
        }
        try {
            accounts.register(form.email(), form.password(), form.name());
        } catch (EdgeForgeException rejected) {
            model.addAttribute("formError", rejected.detail());
            return "account/register";
        }
        return "redirect:/login?registered";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.listPersonalTokens(current.requireUser()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(@Valid @ModelAttribute TokenForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("flashError", "Give the token a name of at most 200 characters.");
            return "redirect:/account/tokens";
        }
        IssuedToken token = tokens.createPersonalToken(current.requireUser(), form.name());
        redirect.addFlashAttribute("createdToken", token);
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(current.requireUser(), tokenId);
        redirect.addFlashAttribute("flashSuccess", "Token revoked.");
        return "redirect:/account/tokens";
    }
}
