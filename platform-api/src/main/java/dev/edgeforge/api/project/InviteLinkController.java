package dev.edgeforge.api.project;

import dev.edgeforge.api.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An invite link used over the API: its token is the credential, so anonymous callers are welcome. */
@RestController
@RequestMapping("/api/v1/invites/{token}")
@Tag(name = "Projects")
class InviteLinkController {

    private final InviteService invites;
    private final CurrentPrincipal current;

    InviteLinkController(InviteService invites, CurrentPrincipal current) {
        this.invites = invites;
        this.current = current;
    }

    /**
     * @param password the new account's password, when the invited email has no account yet
     * @param name     the new account's display name (optional)
     */
    record AcceptInviteRequest(
            @Size(max = 72) String password,
            @Size(max = 200) String name) {}

    @GetMapping
    @Operation(
            summary = "Describe an invite link",
            description =
                    "What an invite link offers: project, email, role, expiry, whether the email has an " + "account.")
    InviteDetails describe(@PathVariable String token) {
        return invites.describe(token);
    }

    @PostMapping("/accept")
    @Operation(
            summary = "Accept an invite",
            description = "Accept an invite: creates the account with the given password when the email has none, "
                    + "otherwise adds the signed-in account of that email to the project.")
    AcceptedInvite accept(@PathVariable String token, @Valid @RequestBody AcceptInviteRequest request) {
        return invites.accept(token, current.findUser(), request.password(), request.name());
    }
}
