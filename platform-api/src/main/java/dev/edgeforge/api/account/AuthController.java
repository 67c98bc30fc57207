package dev.edgeforge.api.account;

import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration, sign-in and password changes for scripts. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Accounts")
class AuthController {

    private final AccountService accounts;
    private final TokenService tokens;
    private final PasswordChange passwordChange;
    private final CurrentPrincipal current;

    AuthController(
            AccountService accounts, TokenService tokens, PasswordChange passwordChange, CurrentPrincipal current) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordChange = passwordChange;
        this.current = current;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 8, max = 72) String password,
            @Size(max = 200) String name) {

        /** Surrounding blanks of a pasted address are not part of it. */
        RegisterRequest {
            email = email == null ? null : email.strip();
        }
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password) {}

    record LoginResponse(String token, Instant expiresAt) {}

    record UserResponse(UUID id, String email, String name, boolean admin) {}

    record PasswordChangeRequest(
            @NotNull String currentPassword, @NotNull String newPassword) {}

    record PasswordChangeResponse(int loginTokensRevoked, int sessionsEnded) {}

    @PostMapping("/register")
    @Operation(
            summary = "Register an account",
            description = "Create an account (only while an administrator has opened registration).")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
        UserSummary user = accounts.register(request.email(), request.password(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/auth/me"))
                .body(new UserResponse(user.id(), user.email(), user.displayName(), false));
    }

    @PostMapping("/login")
    @Operation(
            summary = "Sign in",
            description = "Exchange email and password for a bearer token; 429 with Retry-After after too many "
                    + "failures for the account or from the address.")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        UserPrincipal user = accounts.authenticate(request.email(), request.password(), http.getRemoteAddr())
                .orElseThrow(InvalidCredentialsException::new);
        IssuedToken token = tokens.issueLoginToken(user, http.getRemoteAddr());
        return new LoginResponse(token.token(), token.expiresAt());
    }

    @GetMapping("/me")
    @Operation(
            summary = "The signed-in user",
            description = "The account the request is authenticated as: id, email, display name and whether it is "
                    + "an administrator.")
    UserResponse me() {
        UserPrincipal user = current.requireUser();
        return new UserResponse(user.id(), user.email(), user.displayName(), user.admin());
    }

    @PostMapping("/password")
    @Operation(
            summary = "Change your password",
            description = "Change your password; your other login tokens and browser sessions are signed out, the "
                    + "token or session of this request and your personal access tokens keep working.")
    PasswordChangeResponse changePassword(@Valid @RequestBody PasswordChangeRequest request, HttpServletRequest http) {
        HttpSession session = http.getSession(false);
        PasswordChange.Result result = passwordChange.change(
                current.requireUser(),
                request.currentPassword(),
                request.newPassword(),
                http.getRemoteAddr(),
                current.bearerTokenId(),
                session == null ? null : session.getId());
        return new PasswordChangeResponse(result.loginTokensRevoked(), result.sessionsEnded());
    }
}
