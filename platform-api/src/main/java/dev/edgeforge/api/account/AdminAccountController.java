package dev.edgeforge.api.account;

import dev.edgeforge.api.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, for administrators: the way in for people while registration is closed. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Administration")
class AdminAccountController {

    private final AccountService accounts;
    private final CurrentPrincipal current;

    AdminAccountController(AccountService accounts, CurrentPrincipal current) {
        this.accounts = accounts;
        this.current = current;
    }

    /** @param admin whether the new account is a platform administrator too (default no) */
    record CreateAccountRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 8, max = 72) String password,
            @Size(max = 200) String name,
            Boolean admin) {

        CreateAccountRequest {
            email = email == null ? null : email.strip();
        }
    }

    @GetMapping
    @Operation(summary = "List accounts", description = "List every account, oldest first.")
    List<AccountOverview> list() {
        current.requireAdmin();
        return accounts.listAccounts();
    }

    @PostMapping
    @Operation(
            summary = "Create an account",
            description = "Create an account with an initial password, also while registration is closed; tell the "
                    + "person their password and let them change it on their account page.")
    ResponseEntity<AccountOverview> create(@Valid @RequestBody CreateAccountRequest request) {
        current.requireAdmin();
        AccountOverview created = accounts.createAccount(
                request.email(), request.password(), request.name(), Boolean.TRUE.equals(request.admin()));
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + created.id()))
                .body(created);
    }
}
