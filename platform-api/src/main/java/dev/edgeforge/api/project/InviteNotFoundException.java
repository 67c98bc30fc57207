package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * An invite link that does not work (404): unknown, already used, revoked or expired. Which of these is not said: the
 * answer is the same for a guessed token.
 */
public class InviteNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("invite-not-found", HttpStatus.NOT_FOUND, "Invite not found");

    public InviteNotFoundException() {
        super(
                TYPE,
                "This invite link is unknown, was already used, was revoked or has expired; ask the project's "
                        + "owner or an admin for a new one.");
    }

    /** An invite of a project, by id, that is not pending there. */
    public InviteNotFoundException(UUID inviteId) {
        super(TYPE, "The project has no pending invite with id " + inviteId + "; list them with GET " + ".../invites.");
    }
}
