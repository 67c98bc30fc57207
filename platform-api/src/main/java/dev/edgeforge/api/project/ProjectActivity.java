package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened in a project and belongs in its audit log: a change of keys, members, invites or settings,
 * or a download of what the project built. Published as an application event by the feature where it happened, inside
 * the transaction of the change, so a listener that writes it down commits or rolls back with the change.
 *
 * <p>Each event describes itself: a stable {@link #action()}, the {@link #target()} it acted on, a sentence for
 * people and JSON-friendly details, so the audit log needs to know no feature.
 */
public interface ProjectActivity {

    UUID projectId();

    /** Who did it: a user or a project API key. */
    EdgeForgePrincipal actor();

    /** Stable, dotted kebab-case, e.g. {@code api-key.created}; never renamed once published. */
    String action();

    /** What was acted on, as {@code kind/id}, e.g. {@code api-key/5d0c…}. */
    String target();

    /** One sentence for people, e.g. {@code API key “device 12” created with scopes ingest}. */
    String summary();

    /** Facts beyond the summary: names, roles, before and after (strings, numbers, booleans, lists, maps). */
    Map<String, Object> details();

    /** The display name of an actor, for sentences: the email of a user, the name of an API key. */
    static String nameOf(EdgeForgePrincipal actor) {
        if (actor instanceof UserPrincipal user) {
            return user.email();
        }
        return "API key \u201c" + ((ApiKeyPrincipal) actor).name() + "\u201d";
    }
}
