package dev.edgeforge.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.infra.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Issue #10: "25 wrong passwords in a row on POST /api/v1/auth/login are all answered 401 at full speed". With the
 * default limits (10 failures per account, 50 per address, in 15 minutes) the 11th attempt on an account and the
 * 51st from an address are answered 429 with Retry-After, even with the right password, until the window passes.
 * Its own context: a hand-moved clock, and an address (127.0.0.1) the other tests must not find blocked.
 */
@IntegrationTest
@Import(LoginThrottleIT.HandMovedClock.class)
class LoginThrottleIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock handMovedClock() {
            return MutableClock.startingNow();
        }
    }

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
    }

    @AfterEach
    void forgetEveryFailure() {
        clock.advance(WINDOW.plusMinutes(1));
    }

    private ApiClient.Response login(String email, String password) {
        return client.post("/api/v1/auth/login", Map.of("email", email, "password", password), Auth.none());
    }

    @Test
    void twentyFiveWrongPasswordsLockTheAccountUntilTheWindowPasses() {
        TestUsers.User victim = TestUsers.register(client, "victim");
        TestUsers.User bystander = TestUsers.register(client, "bystander");

        List<Integer> statuses = new ArrayList<>();
        ApiClient.Response last = null;
        for (int attempt = 0; attempt < 25; attempt++) {
            last = login(victim.email(), "guess-" + attempt);
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 25)).containsOnly(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.text("code")).isEqualTo("login-throttled");
        long retryAfter = Long.parseLong(last.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());
        assertThat(last.text("detail")).contains("minute");

        // the right password does not open a locked account, in any spelling of the email
        ApiClient.Response correct = login(victim.email().toUpperCase(), victim.password());
        assertThat(correct.status()).isEqualTo(429);
        assertThat(correct.header("Retry-After")).isPresent();

        // the lock is the account's: another account signs in from the same address
        assertThat(login(bystander.email(), bystander.password()).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter - 1));
        assertThat(login(victim.email(), victim.password()).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(victim.email(), victim.password()).status()).isEqualTo(200);
    }

    @Test
    void fiftyFailuresFromOneAddressBlockItForEveryAccount() {
        TestUsers.User user = TestUsers.register(client, "same-address");
        for (int attempt = 0; attempt < 50; attempt++) {
            // a different unknown email each time: no account reaches its own limit
            assertThat(login("nobody-" + attempt + "@it.edgeforge.test", "guess")
                            .status())
                    .isEqualTo(401);
        }
        ApiClient.Response blocked = login(user.email(), user.password());
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.text("detail")).contains("address");

        clock.advance(WINDOW);
        assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void theSignInFormIsThrottledToo() {
        TestUsers.User user = TestUsers.register(client, "form");
        BrowserSession browser = BrowserSession.anonymous(port);
        for (int attempt = 0; attempt < 10; attempt++) {
            browser.page("/login");
            ApiClient.Response wrong = browser.submit("/login", "email", user.email(), "password", "guess");
            assertThat(wrong.header("Location").orElse("")).endsWith("/login?error");
        }
        browser.page("/login");
        ApiClient.Response locked = browser.submit("/login", "email", user.email(), "password", user.password());
        assertThat(locked.status()).isEqualTo(302);
        assertThat(locked.header("Location").orElse("")).endsWith("/login?throttled");
        assertThat(browser.page("/login?throttled").body()).contains("Too many failed sign-ins");
    }
}
