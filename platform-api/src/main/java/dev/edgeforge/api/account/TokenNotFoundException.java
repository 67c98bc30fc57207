package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No token with this id belongs to the caller (404). */
public class TokenNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("token-not-found", HttpStatus.NOT_FOUND, "Token not found");

    public TokenNotFoundException(UUID id) {
        super(TYPE, "You have no token with id " + id + "; list your tokens with GET /api/v1/tokens.");
    }
}
