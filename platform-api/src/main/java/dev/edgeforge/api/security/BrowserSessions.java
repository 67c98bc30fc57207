package dev.edgeforge.api.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The signed-in browser sessions of each user (registered at form sign-in, in this server's memory, like the sessions
 * themselves). An ended session is refused at its next request: the pages send it to the sign-in page, the API
 * answers 401.
 */
@Component
public class BrowserSessions {

    private final SessionRegistry registry;

    BrowserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Ends every browser session of {@code user} except {@code keepSessionId}.
     *
     * @param keepSessionId the session of the request asking, or null to end them all
     * @return how many sessions were ended
     */
    public int endOtherSessions(UserPrincipal user, String keepSessionId) {
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(user, false)) {
            if (!session.getSessionId().equals(keepSessionId)) {
                session.expireNow();
                ended++;
            }
        }
        return ended;
    }
}
