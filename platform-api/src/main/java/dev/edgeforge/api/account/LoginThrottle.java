package dev.edgeforge.api.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: failed sign-ins are counted per account (normalised email, whether or not it has an
 * account, so the answer reveals nothing) and per client address; past a limit both the API and the sign-in form
 * refuse that account or address for the rest of the window (see {@link AccountProperties.Throttle}).
 *
 * <p>The counts live in this server's memory: several servers behind one load balancer each count their own, and a
 * restart forgets them. Behind a reverse proxy the address is the proxy's unless Spring Boot is told to trust its
 * {@code X-Forwarded-For} ({@code server.forward-headers-strategy}), see docs/security.md.
 */
@Component
class LoginThrottle {

    private final FailureWindow accounts;
    private final FailureWindow addresses;
    private final Clock clock;

    LoginThrottle(AccountProperties properties, Clock clock) {
        AccountProperties.Throttle throttle = properties.auth().throttle();
        this.accounts = new FailureWindow(throttle.accountFailures(), throttle.window());
        this.addresses = new FailureWindow(throttle.addressFailures(), throttle.window());
        this.clock = clock;
    }

    /**
     * @param address the client's address; null when unknown, then only the account is checked
     * @throws LoginThrottledViolation while the account or the address is blocked
     */
    void check(String email, String address) {
        Instant now = clock.instant();
        Duration account = accounts.blockedFor(Emails.normalize(email), now);
        if (isBlocking(account)) {
            throw new LoginThrottledViolation("for this account", account);
        }
        Duration fromAddress = address == null ? Duration.ZERO : addresses.blockedFor(address, now);
        if (isBlocking(fromAddress)) {
            throw new LoginThrottledViolation("from your address (" + address + ")", fromAddress);
        }
    }

    private static boolean isBlocking(Duration wait) {
        return !wait.isZero() && !wait.isNegative();
    }

    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        accounts.record(Emails.normalize(email), now);
        if (address != null) {
            addresses.record(address, now);
        }
    }

    /** The account's owner proved the password: earlier failures no longer count against the account. */
    void recordSuccess(String email) {
        accounts.clear(Emails.normalize(email));
    }
}
