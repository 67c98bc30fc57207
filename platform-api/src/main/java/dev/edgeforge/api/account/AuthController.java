package dev.edgeforge.api.account;

import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
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

/** Registration and sign-in for scripts. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Accounts")
class AuthController {

    private final AccountService accounts;
    private final TokenService tokens;
    private final CurrentPrincipal current;

    AuthController(AccountService accounts, TokenService tokens, CurrentPrincipal current) {
        this.accounts = accounts;
        this.tokens = tokens;
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

    @PostMapping("/register")
    @Operation(summary = "Create an account (unless an administrator closed registration)")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
        UserSummary user = accounts.register(request.email(), request.password(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/auth/me"))
                .body(new UserResponse(user.id(), user.email(), user.displayName(), false));
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for a bearer token")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        UserPrincipal user = accounts.authenticate(request.email(), request.password())
                .orElseThrow(InvalidCredentialsException::new);
        IssuedToken token = tokens.issueLoginToken(user);
        return new LoginResponse(token.token(), token.expiresAt());
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user")
    UserResponse me() {
        UserPrincipal user = current.requireUser();
        return new UserResponse(user.id(), user.email(), user.displayName(), user.admin());
    }
}
