package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in, registration, the account page (password) and the tokens page. */
@Controller
class AccountPageController {

    /** Lifetimes offered for a new personal access token, in days. */
    static final List<Integer> TOKEN_LIFETIMES = List.of(7, 30, 90, 180, 365);

    private final AccountService accounts;
    private final TokenService tokens;
    private final PasswordChange passwordChange;
    private final PlatformSettingsService settings;
    private final CurrentPrincipal current;
    private final long throttleMinutes;

    AccountPageController(
            AccountService accounts,
            TokenService tokens,
            PasswordChange passwordChange,
            PlatformSettingsService settings,
            CurrentPrincipal current,
            AccountProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordChange = passwordChange;
        this.settings = settings;
        this.current = current;
        this.throttleMinutes = Math.max(1, properties.auth().throttle().window().toMinutes());
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

    record TokenForm(@NotBlank @Size(max = 200) String name, Integer expiresInDays) {}

    record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {}

    @GetMapping("/login")
    String login(Model model) {
        if (current.findUser().isPresent()) {
            return "redirect:/projects";
        }
        model.addAttribute("registrationOpen", settings.registrationOpen());
        model.addAttribute("throttleMinutes", throttleMinutes);
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

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("user", current.requireUser());
        model.addAttribute("activeNav", "account");
        return "account/account";
    }

    @PostMapping("/account/password")
    String changePassword(@ModelAttribute PasswordForm form, HttpServletRequest request, RedirectAttributes redirect) {
        if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
            redirect.addFlashAttribute("flashError", "The new password and its repetition differ; type both again.");
            return "redirect:/account";
        }
        try {
            PasswordChange.Result result = passwordChange.change(
                    current.requireUser(),
                    form.currentPassword(),
                    form.newPassword(),
                    request.getRemoteAddr(),
                    Optional.empty(),
                    request.getSession().getId());
            redirect.addFlashAttribute("flashSuccess", "Password changed. " + signedOut(result));
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute(
                    "flashError",
                    rejected.errors().isEmpty()
                            ? rejected.detail()
                            : describe(rejected.errors().get(0)));
        }
        return "redirect:/account";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.list(current.requireUser(), Optional.empty()));
        model.addAttribute("lifetimes", TOKEN_LIFETIMES);
        model.addAttribute("defaultLifetime", tokens.defaultPersonalTokenDays());
        model.addAttribute("activeNav", "account");
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(@Valid @ModelAttribute TokenForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("flashError", "Give the token a name of at most 200 characters.");
            return "redirect:/account/tokens";
        }
        try {
            IssuedToken token = tokens.createPersonalToken(current.requireUser(), form.name(), form.expiresInDays());
            redirect.addFlashAttribute("createdToken", token);
        } catch (EdgeForgeException rejected) {
            redirect.addFlashAttribute("flashError", rejected.detail());
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(current.requireUser(), tokenId);
        redirect.addFlashAttribute("flashSuccess", "Token revoked.");
        return "redirect:/account/tokens";
    }

    private static String signedOut(PasswordChange.Result result) {
        int others = result.loginTokensRevoked() + result.sessionsEnded();
        return others == 0
                ? "No other sign-in was open."
                : others == 1 ? "1 other sign-in was signed out." : others + " other sign-ins were signed out.";
    }

    private static String describe(FieldProblem problem) {
        return switch (problem.field()) {
            case "currentPassword" -> "The current password is wrong; type it again.";
            case "newPassword" -> "The new password " + problem.message() + ".";
            default -> problem.field() + " " + problem.message() + ".";
        };
    }
}
