package dev.edgeforge.api.account;

import dev.edgeforge.api.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's tokens: login tokens and personal access tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Accounts")
class TokenController {

    private final TokenService tokens;
    private final CurrentPrincipal current;

    TokenController(TokenService tokens, CurrentPrincipal current) {
        this.tokens = tokens;
        this.current = current;
    }

    /** @param expiresInDays 1 to 365; the server's default (90 days) when absent */
    record CreateTokenRequest(@NotBlank @Size(max = 200) String name, Integer expiresInDays) {}

    record CreatedTokenResponse(UUID id, String token, String name, Instant createdAt, Instant expiresAt) {}

    @PostMapping
    @Operation(
            summary = "Create a personal access token",
            description = "Create a personal access token that expires after expiresInDays (default 90, at most "
                    + "365); the token is shown only in this response.")
    ResponseEntity<CreatedTokenResponse> create(@Valid @RequestBody CreateTokenRequest request) {
        IssuedToken token = tokens.createPersonalToken(current.requireUser(), request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
                .body(new CreatedTokenResponse(
                        token.id(), token.token(), token.name(), token.createdAt(), token.expiresAt()));
    }

    @GetMapping
    @Operation(
            summary = "List your tokens",
            description = "List your login tokens and personal access tokens (without secrets), newest first.")
    List<TokenView> list() {
        return tokens.list(current.requireUser(), current.bearerTokenId());
    }

    @DeleteMapping("/{tokenId}")
    @Operation(
            summary = "Revoke a token",
            description = "Revoke one of your tokens; requests that use it are refused from then on.")
    ResponseEntity<Void> revoke(@PathVariable UUID tokenId) {
        tokens.revoke(current.requireUser(), tokenId);
        return ResponseEntity.noContent().build();
    }
}
