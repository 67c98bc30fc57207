package dev.edgeforge.api.security;

import dev.edgeforge.api.project.ProjectRole;
import java.util.Optional;

/**
 * Every kind of caller the authorization matrix tries, relative to project A (whose data the requests point at):
 * nobody, A's members by role, a member of another project B, the platform administrator (not a member of A), A's
 * API keys by scope, and B's API key.
 */
enum Caller {
    ANONYMOUS("anonymous", null, null, false),
    OWNER("A's owner", ProjectRole.OWNER, null, false),
    ADMIN("A's admin", ProjectRole.ADMIN, null, false),
    MEMBER("A's member", ProjectRole.MEMBER, null, false),
    VIEWER("A's viewer", ProjectRole.VIEWER, null, false),
    STRANGER("B's owner (another project's member)", null, null, true),
    PLATFORM_ADMIN("the platform administrator (no member of A)", null, null, false),
    READ_KEY("A's key with scope read", null, ApiKeyScope.READ, false),
    INGEST_KEY("A's key with scope ingest", null, ApiKeyScope.INGEST, false),
    ADMIN_KEY("A's key with scope admin", null, ApiKeyScope.ADMIN, false),
    OTHER_KEY("B's key with scope admin (another project's key)", null, null, true);

    private final String description;
    private final ProjectRole role;
    private final ApiKeyScope scope;
    private final boolean ofProjectB;

    Caller(String description, ProjectRole role, ApiKeyScope scope, boolean ofProjectB) {
        this.description = description;
        this.role = role;
        this.scope = scope;
        this.ofProjectB = ofProjectB;
    }

    /** A's role of a member of A. */
    Optional<ProjectRole> role() {
        return Optional.ofNullable(role);
    }

    /** The scope of one of A's API keys. */
    Optional<ApiKeyScope> scope() {
        return Optional.ofNullable(scope);
    }

    boolean isKey() {
        return scope != null || this == OTHER_KEY;
    }

    boolean isUser() {
        return this != ANONYMOUS && !isKey();
    }

    /** A caller of project B: no answer to it may carry A's data. */
    boolean ofProjectB() {
        return ofProjectB;
    }

    @Override
    public String toString() {
        return description;
    }
}
