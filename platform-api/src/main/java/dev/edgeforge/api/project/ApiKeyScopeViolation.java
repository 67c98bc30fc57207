package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import org.springframework.http.HttpStatus;

/** A project API key tried something outside its scopes (403). */
public class ApiKeyScopeViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("api-key-scope-missing", HttpStatus.FORBIDDEN, "API key scope does not allow this");

    private ApiKeyScopeViolation(String detail) {
        super(TYPE, detail);
    }

    static ApiKeyScopeViolation missing(ApiKeyPrincipal key, ApiKeyScope needed) {
        return new ApiKeyScopeViolation("This API key has the scopes " + describe(key) + "; this needs the '"
                + needed.value() + "' scope (or 'admin'), create a key with it.");
    }

    static ApiKeyScopeViolation roleNeeded(ApiKeyPrincipal key, ProjectRole needed) {
        if (needed == ProjectRole.OWNER) {
            return new ApiKeyScopeViolation("Only a project owner can do this, not an API key; sign in as an owner.");
        }
        String scope = needed == ProjectRole.VIEWER ? "'read' or 'admin'" : "'admin'";
        return new ApiKeyScopeViolation(
                "This API key has the scopes " + describe(key) + "; this needs " + scope + ", create a key with it.");
    }

    private static String describe(ApiKeyPrincipal key) {
        return key.scopes().stream().map(ApiKeyScope::value).sorted().toList().toString();
    }
}
