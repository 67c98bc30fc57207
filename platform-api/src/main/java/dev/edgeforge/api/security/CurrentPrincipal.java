package dev.edgeforge.api.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, for controllers and services that act on its behalf. */
@Component
public class CurrentPrincipal {

    /** The caller, or empty for an anonymous request. */
    public Optional<EdgeForgePrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EdgeForgePrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The id of the bearer token this request came with; empty for a browser session, an API key, anonymous. */
    public Optional<UUID> bearerTokenId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getDetails() instanceof BearerTokenDetails details) {
            return Optional.of(details.tokenId());
        }
        return Optional.empty();
    }

    /** The signed-in user, or empty when anonymous or authenticated by an API key. */
    public Optional<UserPrincipal> findUser() {
        return find().filter(UserPrincipal.class::isInstance).map(UserPrincipal.class::cast);
    }

    /** The caller; {@link AuthenticationRequiredException} (401) when anonymous. */
    public EdgeForgePrincipal require() {
        return find().orElseThrow(AuthenticationRequiredException::new);
    }

    /** The signed-in user; 401 when anonymous, {@link UserAccountRequiredViolation} (403) for an API key. */
    public UserPrincipal requireUser() {
        EdgeForgePrincipal principal = require();
        if (principal instanceof UserPrincipal user) {
            return user;
        }
        throw new UserAccountRequiredViolation();
    }

    /** The signed-in platform administrator; 401 / 403 otherwise. */
    public UserPrincipal requireAdmin() {
        UserPrincipal user = requireUser();
        if (!user.admin()) {
            throw new AdminRoleViolation();
        }
        return user;
    }
}
