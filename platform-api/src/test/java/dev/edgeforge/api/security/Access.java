package dev.edgeforge.api.security;

import dev.edgeforge.api.project.ProjectRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call an operation, as one line of the matrix states it, and what each {@link Caller} must then be
 * answered. The project rules are those of {@code ProjectAccess}: anonymous 401; not a member of the project, or
 * another project's key, 404 (the project's existence is not revealed, the answer is the one for a project that
 * does not exist); a member below the role or a key without the scope 403.
 */
record Access(Kind kind, ProjectRole minimum, Set<ApiKeyScope> keys) {

    /** The user the matrix's invite links are for: B's owner, invited to A (an invite is for people outside it). */
    static final Caller INVITED = Caller.STRANGER;

    enum Kind {
        /** Anyone, even anonymous (sign-in, registration, API docs). */
        OPEN,
        /** Any signed-in user or API key, of any project (catalogues). */
        SIGNED_IN,
        /** Any signed-in user; API keys never act as a person (403). */
        USER,
        /** The platform administrator only; other users and keys 403. */
        PLATFORM_ADMIN,
        /** The user who owns the personal token in the path (A's owner); other users 404, keys 403. */
        TOKEN_OWNER,
        /** Members of A from {@link #minimum()} and A's keys with one of {@link #keys()}. */
        PROJECT,
        /** The Edge Impulse device endpoints: the project is the key's, so B's key ingests into B; users 401. */
        DEVICE,
        /**
         * The user the invite link in the path is for ({@link #INVITED}); other users 403 (the invite is for another
         * account); keys 401 as anonymous callers are (accepting knows people only: sign in as the invited account).
         */
        INVITEE
    }

    /** What a caller must be answered. */
    enum Expected {
        ALLOWED,
        UNAUTHENTICATED,
        FORBIDDEN,
        HIDDEN;

        int status() {
            return switch (this) {
                case ALLOWED -> 200;
                case UNAUTHENTICATED -> 401;
                case FORBIDDEN -> 403;
                case HIDDEN -> 404;
            };
        }
    }

    static Access open() {
        return new Access(Kind.OPEN, null, Set.of());
    }

    static Access signedIn() {
        return new Access(Kind.SIGNED_IN, null, Set.of());
    }

    static Access user() {
        return new Access(Kind.USER, null, Set.of());
    }

    static Access platformAdmin() {
        return new Access(Kind.PLATFORM_ADMIN, null, Set.of());
    }

    static Access tokenOwner() {
        return new Access(Kind.TOKEN_OWNER, null, Set.of());
    }

    /** Members of A with at least {@code minimum}, and A's keys with any of {@code keys}. */
    static Access project(ProjectRole minimum, ApiKeyScope... keys) {
        return new Access(Kind.PROJECT, minimum, keys.length == 0 ? Set.of() : EnumSet.of(keys[0], keys));
    }

    static Access invitee() {
        return new Access(Kind.INVITEE, null, Set.of());
    }

    /** Keys with any of {@code keys}, of whatever project. */
    static Access device(ApiKeyScope... keys) {
        return new Access(Kind.DEVICE, null, EnumSet.of(keys[0], keys));
    }

    /** The answer a caller must get from the API ({@code /api/**}). */
    Expected api(Caller caller) {
        if (kind == Kind.OPEN) {
            return Expected.ALLOWED;
        }
        if (caller == Caller.ANONYMOUS) {
            return Expected.UNAUTHENTICATED;
        }
        return switch (kind) {
            case OPEN, SIGNED_IN -> Expected.ALLOWED;
            case USER -> caller.isKey() ? Expected.FORBIDDEN : Expected.ALLOWED;
            case PLATFORM_ADMIN -> caller == Caller.PLATFORM_ADMIN ? Expected.ALLOWED : Expected.FORBIDDEN;
            case TOKEN_OWNER ->
                caller.isKey() ? Expected.FORBIDDEN : caller == Caller.OWNER ? Expected.ALLOWED : Expected.HIDDEN;
            case PROJECT -> project(caller);
            case DEVICE ->
                !caller.isKey()
                        ? Expected.UNAUTHENTICATED
                        : caller == Caller.OTHER_KEY
                                        || keys.contains(caller.scope().orElseThrow())
                                ? Expected.ALLOWED
                                : Expected.FORBIDDEN;
            case INVITEE ->
                caller.isKey() ? Expected.UNAUTHENTICATED : caller == INVITED ? Expected.ALLOWED : Expected.FORBIDDEN;
        };
    }

    /**
     * The answer a caller must get from a page. Pages know only the browser session: a request with an API key is
     * an anonymous one there (redirected to sign in), whatever the key may do in the API.
     */
    Expected page(Caller caller) {
        if (kind == Kind.OPEN) {
            return Expected.ALLOWED;
        }
        if (caller == Caller.ANONYMOUS || caller.isKey()) {
            return Expected.UNAUTHENTICATED;
        }
        return switch (kind) {
            case OPEN, SIGNED_IN, USER -> Expected.ALLOWED;
            case PLATFORM_ADMIN -> caller == Caller.PLATFORM_ADMIN ? Expected.ALLOWED : Expected.FORBIDDEN;
            case TOKEN_OWNER -> caller == Caller.OWNER ? Expected.ALLOWED : Expected.HIDDEN;
            case PROJECT -> project(caller);
            case DEVICE -> throw new IllegalStateException("no page is a device endpoint");
            case INVITEE -> caller == INVITED ? Expected.ALLOWED : Expected.FORBIDDEN;
        };
    }

    private Expected project(Caller caller) {
        if (caller.ofProjectB() || caller == Caller.PLATFORM_ADMIN) {
            return Expected.HIDDEN;
        }
        if (caller.scope().isPresent()) {
            return keys.contains(caller.scope().get()) ? Expected.ALLOWED : Expected.FORBIDDEN;
        }
        return caller.role().orElseThrow().includes(minimum) ? Expected.ALLOWED : Expected.FORBIDDEN;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PROJECT -> "project(" + minimum + (keys.isEmpty() ? "" : ", keys " + keys) + ")";
            case DEVICE -> "device(keys " + keys + ")";
            default -> kind.name().toLowerCase();
        };
    }
}
