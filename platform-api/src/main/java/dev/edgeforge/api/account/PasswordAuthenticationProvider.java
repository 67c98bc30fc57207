package dev.edgeforge.api.account;

import dev.edgeforge.api.security.EdgeForgeAuthentication;
import dev.edgeforge.api.security.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Browser form login: checks email and password and yields the same principal every other path yields. */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final AccountService accounts;

    PasswordAuthenticationProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? null : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        try {
            return accounts.authenticate(email, password, address)
                    .map(EdgeForgeAuthentication::new)
                    .orElseThrow(() -> new BadCredentialsException("Wrong email or password"));
        } catch (LoginThrottledViolation throttled) {
            throw new LoginThrottledException(throttled.detail(), throttled.retryAfter());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
