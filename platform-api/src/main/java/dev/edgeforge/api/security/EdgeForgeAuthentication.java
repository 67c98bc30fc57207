package dev.edgeforge.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link EdgeForgePrincipal}, whichever way it signed in. Authorities: {@code ROLE_USER} (and
 * {@code ROLE_ADMIN}) for people, {@code ROLE_API_KEY} for project API keys.
 */
public final class EdgeForgeAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final EdgeForgePrincipal principal;

    public EdgeForgeAuthentication(EdgeForgePrincipal principal) {
        super(authoritiesOf(principal));
        this.principal = principal;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authoritiesOf(EdgeForgePrincipal principal) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (principal instanceof UserPrincipal user) {
            authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
            if (user.admin()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_API_KEY"));
        }
        return authorities;
    }

    @Override
    public EdgeForgePrincipal getPrincipal() {
        return principal;
    }

    /** Credentials are checked before this object exists and are never kept. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        if (principal instanceof UserPrincipal user) {
            return user.email();
        }
        return "api-key:" + ((ApiKeyPrincipal) principal).keyId();
    }
}
